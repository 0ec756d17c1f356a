package org.splitscope.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.splitscope.SplitScopeException;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.FolderLock;

/**
 * One batch run over many inputs into one output folder, for the {@code capture}, {@code cam} and
 * {@code knockout} commands (as {@link DatasetAnalysis} is for {@code analyze}): the folder's lock
 * held from {@link #lock} to {@link #close}, what an interrupted run left removed under it, and
 * {@link #each} — inputs decoded in order into batches of a fixed size, unreadable ones stopping the
 * run or (skip-bad) listed and left out, progress after every batch, and a stop between batches when
 * asked. What a batch is turned into is the command's {@link Batches}.
 */
public final class BatchRun implements AutoCloseable {
    private final Path out;
    private final FolderLock lock;

    /**
     * @param command the command, named when another run holds the folder
     * @param batch samples per call of {@link Batches#add}
     * @param skipBad list and leave out inputs that cannot be read instead of stopping at the first
     * @param firstSampleOnly take only the first sample of an input (knockout: one image per item);
     *     otherwise every sample of a multi-image input (an .npy [N, C, H, W])
     * @param unit what an input is called in the message when none could be read ("input", "image")
     */
    public record Options(String command, int batch, boolean skipBad, boolean firstSampleOnly, String unit) {}

    /** What a command does with each batch. */
    @FunctionalInterface
    public interface Batches {
        /**
         * @param samples at most {@link Options#batch} samples, in input order
         * @param items per sample, the input it came from
         */
        void add(List<Sample> samples, List<DatasetInput.Item> items) throws SplitScopeException, IOException;
    }

    /** An input left out (skip-bad), with why; written to the run's JSON as {"path", "reason"}. */
    public record Skipped(String path, String reason) {}

    /**
     * What a finished loop did.
     *
     * @param samples samples that went through {@link Batches#add}
     * @param preprocessMs time spent decoding and preprocessing the inputs that could be read
     */
    public record Summary(int inputs, int samples, List<Skipped> skipped, double preprocessMs) {
        public Summary {
            skipped = List.copyOf(skipped);
        }
    }

    /** A run asked to stop between batches; the command's writers discard what they had. */
    public static final class Stopped extends CancellationException {
        Stopped(String message) {
            super(message);
        }
    }

    private BatchRun(Path out, FolderLock lock) {
        this.out = out;
        this.lock = lock;
    }

    /**
     * Makes sure {@code out} is a folder this program may write and takes its lock: a second run into
     * the same folder fails at once with one line.
     */
    public static BatchRun lock(Path out, String command) throws SplitScopeException {
        AtomicFiles.requireWritableFolder(out);
        return new BatchRun(out, FolderLock.acquire(out, command));
    }

    /** Deletes what an interrupted or killed run left (only under the lock: then no part is anyone's). */
    public void removeStaleParts(Cleaner cleaner, String what) throws SplitScopeException {
        try {
            cleaner.clean(out);
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot remove what an interrupted " + what + " left ("
                    + e.getMessage() + ")");
        }
    }

    /** A command's own removal of its hidden {@code .part} files. */
    @FunctionalInterface
    public interface Cleaner {
        void clean(Path dir) throws IOException;
    }

    /**
     * Runs {@code batches} over {@code inputs}, batch by batch.
     *
     * @throws SplitScopeException for an unreadable input without skip-bad, or when none could be read
     * @throws Stopped when {@code progress} asked to stop
     */
    public Summary each(LoadedModel model, List<DatasetInput.Item> inputs, Options o, Progress progress,
            Batches batches) throws SplitScopeException, IOException {
        if (o.batch() < 1) {
            throw new SplitScopeException("--batch must be at least 1");
        }
        List<Sample> pending = new ArrayList<>();
        List<DatasetInput.Item> from = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int samples = 0;
        double preprocessMs = 0;
        long start = System.nanoTime();
        for (int i = 0; i < inputs.size(); i++) {
            stopIfAsked(progress, i, inputs.size());
            DatasetInput.Item item = inputs.get(i);
            long t = System.nanoTime();
            List<Sample> loaded;
            try {
                loaded = Samples.load(item.file(), model.preprocessing());
            } catch (SplitScopeException e) {
                if (!o.skipBad()) {
                    throw e;
                }
                skipped.add(new Skipped(item.file().toString(), e.getMessage()));
                continue;
            }
            preprocessMs += (System.nanoTime() - t) / 1e6;
            for (Sample sample : o.firstSampleOnly() ? loaded.subList(0, 1) : loaded) {
                pending.add(sample);
                from.add(item);
                if (pending.size() == o.batch()) {
                    samples += flush(pending, from, batches);
                    progress.update(i + 1, inputs.size(), rate(i + 1, start));
                }
            }
        }
        if (!pending.isEmpty()) {
            samples += flush(pending, from, batches);
        }
        progress.update(inputs.size(), inputs.size(), rate(inputs.size(), start));
        if (samples == 0) {
            throw new SplitScopeException("no " + o.unit() + " could be read (" + skipped.size() + " skipped"
                    + (skipped.isEmpty() ? ")" : "; the first: " + skipped.get(0).reason() + ")"));
        }
        return new Summary(inputs.size(), samples, skipped, preprocessMs);
    }

    private static int flush(List<Sample> pending, List<DatasetInput.Item> from, Batches batches)
            throws SplitScopeException, IOException {
        int n = pending.size();
        batches.add(List.copyOf(pending), List.copyOf(from));
        pending.clear();
        from.clear();
        return n;
    }

    private static void stopIfAsked(Progress progress, int done, int total) {
        if (progress.isCancelled()) {
            throw new Stopped("stopped after " + done + " of " + total + " inputs");
        }
    }

    private static double rate(int done, long start) {
        return done / Math.max((System.nanoTime() - start) / 1e9, 1e-3);
    }

    /** Every input as an item without a label ({@code capture}, {@code cam}: files as given or found in folders). */
    public static List<DatasetInput.Item> unlabelled(List<Path> files) {
        return files.stream().map(f -> new DatasetInput.Item(f, null)).toList();
    }

    /** Releases the folder's lock. */
    @Override
    public void close() {
        lock.close();
    }
}
