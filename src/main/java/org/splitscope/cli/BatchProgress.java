package org.splitscope.cli;

import org.splitscope.batch.Progress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.splitscope.batch.BatchRun;


/**
 * The progress line and the way out on Ctrl+C/SIGTERM of a {@link BatchRun} command (capture, cam,
 * knockout): the signal asks the run to stop after the batch in flight, and the program waits (a few
 * seconds at most) until the command's writers have discarded their scratch files and released the
 * folder; then the usual line ("interrupted; files being written were discarded …") and exit 130.
 * Opened first and closed last around the run, so that its close comes after every writer's.
 */
final class BatchProgress implements Progress, SplitScopeCli.OnInterrupt, AutoCloseable {
    /** How long a signal waits for the batch in flight: a capture keeps nothing, so it need not wait long. */
    private static final long WAIT_MS = 5_000;
    private final String command;
    private final TerminalProgress line;
    private final Progress shown;
    private final AtomicBoolean signal = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);

    private BatchProgress(String command, String unit) {
        this.command = command;
        this.line = new TerminalProgress("");
        this.shown = line.counted(unit);
    }

    /** Shows progress in {@code unit} ("inputs", "images") and takes over Ctrl+C until {@link #close}. */
    static BatchProgress start(String command, String unit) {
        BatchProgress p = new BatchProgress(command, unit);
        SplitScopeCli.onInterrupt(p);
        return p;
    }

    @Override
    public void update(int done, int total, double rate) {
        shown.update(done, total, rate);
        SplitScopeCli.ready(command);
    }

    @Override
    public boolean isCancelled() {
        return signal.get();
    }

    /** Before the command prints a result line on stdout: the progress line makes room for it. */
    void beforeOutput() {
        line.clear();
    }

    @Override
    public String stopAndSave(long timeoutMs) {
        signal.set(true);
        try {
            ended.await(Math.min(timeoutMs, WAIT_MS), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null; // nothing is saved: the program's own line says what happened
    }

    @Override
    public void close() {
        line.done();
        SplitScopeCli.onInterrupt(null);
        ended.countDown();
    }
}
