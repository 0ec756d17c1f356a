package org.splitscope.cli;

import org.splitscope.batch.Progress;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.splitscope.view.dataset.DatasetAnalysis;
import org.splitscope.hub.Downloader;

/**
 * The one progress line of the command line (downloads: bytes, speed, time left; analyze, capture,
 * cam, knockout: inputs, inputs/s, time left), rewritten in place on stderr at most ten times a
 * second. Only when stderr is a terminal ({@code isatty(2)}) that can move the cursor ({@code TERM} is not {@code dumb}): in a
 * log file, a pipe or CI it would be noise of carriage returns.
 */
final class TerminalProgress implements Downloader.Progress {
    private static final long INTERVAL_NANOS = 100_000_000L;
    private final String what;
    private final PrintStream err;
    private final boolean shown;
    private final long start = System.nanoTime();
    private long lastPrint;
    private int lastLength;

    TerminalProgress(String what) {
        this(what, System.err, stderrIsTerminal(System.getenv()));
    }

    TerminalProgress(String what, PrintStream err, boolean shown) {
        this.what = what;
        this.err = err;
        this.shown = shown;
    }

    /** Bytes of a download ({@code total} 0 when the server did not say). */
    @Override
    public void update(long done, long total) {
        if (done > 0) {
            SplitScopeCli.ready("download");
        }
        if (due(done == total)) {
            double speed = done / seconds();
            show(total > 0
                    ? String.format(Locale.ROOT, "%s  %s / %s  %s/s  %s left", what, mb(done), mb(total), mb((long) speed),
                            speed > 0 ? (long) ((total - done) / speed) + " s" : "?")
                    : String.format(Locale.ROOT, "%s  %s  %s/s", what, mb(done), mb((long) speed)));
        }
    }

    /** analyze's images. */
    Progress images() {
        return counted("images");
    }

    /** Inputs done of all, per second and time left: {@code unit} is what they are ("images", "inputs"). */
    Progress counted(String unit) {
        return (done, total, rate) -> {
            if (due(done == total)) {
                show(String.format(Locale.ROOT, "%s%d / %d %s, %.1f %s/s, %.0f s left", what.isEmpty() ? "" : what + "  ",
                        done, total, unit, rate, unit, (total - done) / Math.max(rate, 1e-9)));
            }
        };
    }

    /**
     * Erases the progress line (nothing if none is shown), so that what a command prints on stdout
     * next starts a clean line; the next update draws the line again.
     */
    void clear() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
            lastPrint = 0;
        }
    }

    /** Ends the progress line (nothing if none was shown). */
    void done() {
        if (lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
    }

    private boolean due(boolean last) {
        long now = System.nanoTime();
        if (!shown || (now - lastPrint < INTERVAL_NANOS && !last && lastPrint != 0)) {
            return false;
        }
        lastPrint = now;
        return true;
    }

    private void show(String line) {
        // spaces over what a longer previous line left behind
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = Math.max(1, line.length());
    }

    private double seconds() {
        return Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** stderr is a terminal and TERM does not say it is a dumb one. */
    static boolean stderrIsTerminal(Map<String, String> env) {
        return "dumb".equals(env.get("TERM")) ? false : shown(env, Tty.check(2));
    }

    /** @param tty isatty(2), or null where there is no libc to ask (Windows: the JDK's guess) */
    static boolean shown(Map<String, String> env, Boolean tty) {
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        return tty != null ? tty : System.console() != null;
    }

    /** isatty(3) through the JNA the engine set-up uses anyway. */
    interface Tty extends Library {
        int isatty(int fd);

        /** @return null where there is no libc to ask */
        static Boolean check(int fd) {
            try {
                return Platform.isWindows() ? null : Native.load("c", Tty.class).isatty(fd) == 1;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return null;
            }
        }
    }
}
