package org.splitscope;

import java.util.Locale;
import javafx.application.Application;
import org.splitscope.app.SplitScopeApp;
import org.splitscope.cli.SplitScopeCli;
import org.splitscope.runtime.Engines;

/**
 * Entry point of the jar: no arguments (or only {@code --debug}, which logs everything) open the
 * explorer window, any other arguments run the CLI. A plain
 * class (not a JavaFX Application) so that JavaFX on the class path works with {@code java -jar}.
 */
public final class Launcher {
    static final String NO_DISPLAY = "error: the explorer needs a display (DISPLAY is not set); "
            + "the command line works without one: splitscope --help";

    private Launcher() {}

    public static void main(String[] args) {
        org.splitscope.runtime.StartupClock.mark("main");
        boolean window = args.length == 0 || (args.length == 1 && args[0].equals("--debug"));
        try {
            if (window) {
                // telemetry off, offline; the rest (JNA, the oneDNN level) on the model thread before libtorch loads
                Engines.offline();
            } else if (SplitScopeCli.surelyLoadsTheEngine(args)) {
                Engines.offline(); // telemetry off, offline: before anything can touch DJL
                Engines.loadInBackground(); // overlaps the parsing and the model's files (README, Start-up)
            } else {
                Engines.configure(0); // telemetry off, offline: before anything can touch DJL
            }
        } catch (org.splitscope.io.UserDirs.UnsafeFolderException e) {
            System.err.println("error: " + e.getMessage()); // DJL's natives would load from a folder others control
            System.exit(SplitScopeCli.USER_ERROR);
        }
        org.splitscope.runtime.StartupClock.mark("engine configured");
        if (window) {
            System.exit(explorer(args.length == 1));
        } else {
            System.exit(SplitScopeCli.run(args));
        }
    }

    private static int explorer(boolean debug) {
        if (!hasDisplay()) {
            System.err.println(NO_DISPLAY);
            return SplitScopeCli.USER_ERROR;
        }
        // The window's warnings (DJL, PDFBox, JavaFX — e.g. its class-path warning under java -jar;
        // the installed app links JavaFX as modules) go to a log file, not the terminal that started it.
        java.nio.file.Path log = org.splitscope.logs.Logs.toFile(debug);
        if (debug && log != null) {
            System.err.println("logging to " + log);
        }
        if (System.getProperty("javafx.cachedir") == null) {
            // JavaFX unpacks its native libraries into ~/.openjfx; a read-only home gets the same
            // fallbacks (and the same checks on the shared temporary folder) as DJL's cache.
            java.nio.file.Path dir;
            try {
                dir = org.splitscope.io.UserDirs.writable(".openjfx");
            } catch (org.splitscope.io.UserDirs.UnsafeFolderException e) {
                System.err.println("error: " + e.getMessage());
                return SplitScopeCli.USER_ERROR;
            }
            if (!dir.equals(java.nio.file.Path.of(System.getProperty("user.home"), ".openjfx"))) {
                System.setProperty("javafx.cachedir", dir.resolve("cache").toString());
            }
        }
        try {
            Application.launch(SplitScopeApp.class);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // e.g. "Unable to open DISPLAY": a display variable that points nowhere
            System.err.println("error: cannot open the explorer window: " + e.getMessage()
                    + "; the command line works without a display: splitscope --help");
            return SplitScopeCli.USER_ERROR;
        }
        // 0, or 128 + the signal after SIGTERM/SIGHUP (closed cleanly first); System.exit also stops
        // DJL's native threads, which must not keep the JVM alive after the window closes
        return SplitScopeApp.exitStatus();
    }

    /** On Linux and the BSDs a window needs X11 or Wayland; elsewhere there is always a desktop. */
    static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
