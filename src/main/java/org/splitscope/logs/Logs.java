package org.splitscope.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Where the libraries' log goes (DJL and PDFBox through SLF4J, Batik and PDFBox through Commons
 * Logging, JavaFX through java.util.logging — all bridged to Logback). Quiet by default: warnings
 * and errors only; {@code --debug} shows everything down to DEBUG, with stack traces. The command
 * line writes to stderr; the window, which has no terminal to speak of, to a log file in the XDG
 * state folder ({@code $XDG_STATE_HOME/splitscope/splitscope.log}, default
 * {@code ~/.local/state/splitscope}), kept under 2 MiB by rolling over to {@code splitscope.1.log}.
 */
public final class Logs {
    public static final String FILE_NAME = "splitscope.log";
    static final FileSize MAX_FILE_SIZE = FileSize.valueOf("2MB");

    private Logs() {}

    /** The command line: warnings (everything with {@code debug}) to stderr. */
    public static void toStderr(boolean debug) {
        LoggerContext context = reset(debug);
        root(context).addAppender(stderr(context, debug));
    }

    /**
     * The window: warnings (everything with {@code debug}) to the log file; to stderr if the state
     * folder cannot be made.
     *
     * @return the log file, or null when it could not be opened
     */
    public static Path toFile(boolean debug) {
        return toFile(debug, null);
    }

    static Path toFile(boolean debug, Path folder) {
        LoggerContext context = reset(debug);
        Path file = null;
        try {
            file = (folder != null ? folder : stateFolder()).resolve(FILE_NAME);
            createPrivateFolder(file.getParent());
            root(context).addAppender(file(context, file, debug));
        } catch (IOException | RuntimeException e) {
            root(context).addAppender(stderr(context, debug));
            LoggerFactory.getLogger(Logs.class).warn("no log file at {} ({}); logging to stderr", file, e.getMessage());
            return null;
        }
        return file;
    }

    /** {@code $XDG_STATE_HOME/splitscope}, or {@code ~/.local/state/splitscope} (XDG Base Directory). */
    public static Path stateFolder() {
        String xdg = System.getenv("XDG_STATE_HOME");
        // the specification: a relative value is invalid and ignored
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("splitscope");
    }

    /** The default before the program chooses (and for tests): warnings to stderr. */
    static void defaults(LoggerContext context) {
        root(context).setLevel(Level.WARN);
        quietProbes(context, false);
        root(context).addAppender(stderr(context, false));
    }

    private static LoggerContext reset(boolean debug) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        // JUL levels follow Logback's, so JUL does not format records that would be dropped anyway.
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        propagator.start();
        context.addListener(propagator);
        root(context).setLevel(debug ? Level.DEBUG : Level.WARN);
        quietProbes(context, debug);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger(); // JUL's own console handler would print twice
            SLF4JBridgeHandler.install();
        }
        return context;
    }

    /**
     * DJL looks for a GPU at every engine start and warns when a CUDA runtime is installed without a
     * usable driver ("Failed to detect GPU count"): on a CPU-only run that is noise, and
     * {@code info}/{@code --device} say which devices there are. Shown with --debug.
     */
    private static void quietProbes(LoggerContext context, boolean debug) {
        context.getLogger("ai.djl.util.cuda.CudaUtils").setLevel(debug ? null : Level.ERROR);
    }

    private static Logger root(LoggerContext context) {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static Appender<ILoggingEvent> stderr(LoggerContext context, boolean debug) {
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(context);
        out.setName("stderr");
        out.setTarget("System.err");
        out.setEncoder(encoder(context, new LogLine(false, debug)));
        out.start();
        return out;
    }

    private static Appender<ILoggingEvent> file(LoggerContext context, Path file, boolean debug) throws IOException {
        RollingFileAppender<ILoggingEvent> out = new RollingFileAppender<>();
        out.setContext(context);
        out.setName("file");
        out.setFile(file.toString());
        out.setAppend(true);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(out);
        rolling.setFileNamePattern(file.resolveSibling("splitscope.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(1);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(MAX_FILE_SIZE);
        size.start();
        out.setRollingPolicy(rolling);
        out.setTriggeringPolicy(size);
        out.setEncoder(encoder(context, new LogLine(true, true)));
        out.start();
        if (!out.isStarted()) {
            throw new IOException("cannot open " + file + " for writing");
        }
        return out;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, LogLine layout) {
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    /** Only the user may read the log (file names, model names). */
    private static void createPrivateFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir); // not a POSIX file system
        }
    }
}
