package org.splitscope.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.splitscope.hub.Downloader;

/** A download's progress on stderr (bytes, speed, time left), only when stderr is a terminal. */
final class TerminalProgress implements Downloader.Progress {
    private final String what;
    private final PrintStream err;
    private final boolean shown;
    private final long start = System.nanoTime();
    private long lastPrint;
    private boolean printed;

    TerminalProgress(String what) {
        this.what = what;
        this.err = System.err;
        this.shown = System.console() != null;
    }

    @Override
    public void update(long done, long total) {
        if (done > 0) {
            SplitScopeCli.ready("download");
        }
        long now = System.nanoTime();
        if (!shown || (now - lastPrint < 100_000_000L && done != total)) {
            return;
        }
        lastPrint = now;
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double speed = done / seconds;
        String line = total > 0
                ? String.format(Locale.ROOT, "%s  %s / %s  %s/s  %s left", what, mb(done), mb(total), mb((long) speed),
                        speed > 0 ? (long) ((total - done) / speed) + " s" : "?")
                : String.format(Locale.ROOT, "%s  %s  %s/s", what, mb(done), mb((long) speed));
        err.print("\r" + line + "   ");
        err.flush();
        printed = true;
    }

    /** Ends the progress line. */
    void done() {
        if (printed) {
            err.println();
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
