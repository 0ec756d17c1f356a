package org.splitscope.cli;

import java.io.PrintWriter;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The headless command line: thin commands over the same services as the GUI. A problem with the
 * user's input ends with exit status 2 and one {@code error:} line; stack traces only with --debug.
 * Scope INHERIT gives every subcommand -h/--help and -V/--version.
 */
@Command(name = "splitscope", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true, version = org.splitscope.Version.NAME,
        description = "Explore split-attention networks (ResNeSt): capture, benchmark, inspect.",
        subcommands = {CaptureCommand.class, CamCommand.class, AnalyzeCommand.class, KnockoutCommand.class, FigureCommand.class, DownloadCommand.class, BenchCommand.class, InfoCommand.class, TrainCommand.class, AblationCommand.class})
public final class SplitScopeCli implements Runnable {
    public static final int USER_ERROR = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and the libraries' debug log (default: their warnings only).")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No command: show what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** --debug is inherited by every command: {@code capture … --debug} counts as much as {@code --debug capture}. */
    private static boolean debugAnywhere(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Exit status after Ctrl+C or SIGTERM, as shells report a SIGINT. */
    public static final int INTERRUPTED = 130;

    /**
     * What a command does on Ctrl+C/SIGTERM before the program ends, instead of only discarding what is
     * being written: analyze saves its state so that --resume continues.
     */
    public interface OnInterrupt {
        /**
         * Asks the work to stop and waits (at most {@code timeoutMs}) until it has saved what it must.
         *
         * @return the line to print, or null if nothing was saved in time
         */
        String stopAndSave(long timeoutMs);
    }

    private static volatile OnInterrupt onInterrupt;

    /** How long an interrupted command may take to save its state before the program ends anyway. */
    static final long SAVE_ON_INTERRUPT_MS = 30_000;

    private static final java.util.concurrent.atomic.AtomicBoolean READY = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * For the interrupt tests: with {@code -Dsplitscope.readiness=true} a command says once on stderr
     * ("ready: analyze") when its work is under way, so a test signals it then instead of after a
     * guessed sleep. Nothing is printed otherwise.
     */
    static void ready(String what) {
        if (Boolean.getBoolean("splitscope.readiness") && READY.compareAndSet(false, true)) {
            System.err.println("ready: " + what);
            System.err.flush();
        }
    }

    /** Installs (or with null removes) what the running command does when interrupted. */
    public static void onInterrupt(OnInterrupt handler) {
        onInterrupt = handler;
    }

    public static int run(String... args) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        // Ctrl+C / SIGTERM: one line, no half-written files (every write goes through a temporary
        // file; those still open are deleted), exit 130. A normal exit has set done first.
        Thread interrupted = new Thread(() -> {
            if (!done.get()) {
                OnInterrupt handler = onInterrupt;
                String line = handler == null ? null : handler.stopAndSave(SAVE_ON_INTERRUPT_MS);
                org.splitscope.io.AtomicFiles.abandonWrites();
                System.err.println(line != null ? line
                        : "interrupted; files being written were discarded, finished ones are kept");
                System.err.flush();
                Runtime.getRuntime().halt(INTERRUPTED);
            }
        }, "splitscope-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            return execute(args);
        } finally {
            done.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    /** Commands whose every successful run loads the engine with no settings of their own (no --threads). */
    private static final java.util.Set<String> ENGINE_COMMANDS = java.util.Set.of("capture", "cam", "analyze", "knockout");

    /**
     * Whether {@code args} name a command that will load the engine, without parsing them: then the
     * launcher starts loading it at once, on a thread of its own. No for help, version and --debug
     * (whose log must show the engine's start from its first line), for a subcommand of those
     * commands (analyze merge), and for anything unclear: those load it, if at all, when they need it.
     */
    public static boolean surelyLoadsTheEngine(String... args) {
        if (args.length < 2 || !ENGINE_COMMANDS.contains(args[0]) || args[1].equals("merge")) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--debug") || arg.equals("-h") || arg.equals("--help") || arg.equals("-V")
                    || arg.equals("--version") || arg.startsWith("--threads")) {
                return false;
            }
        }
        return true;
    }

    private static int execute(String... args) {
        return execute(new CommandLine(new SplitScopeCli()), args);
    }

    /** Runs {@code cli} (the program's, or one a test has added a command to) with every guard. */
    static int execute(CommandLine cli, String... args) {
        try {
            return parseAndRun(cli, args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // One guard for every command: the input was too large or too deeply nested for this program.
            boolean debug = java.util.Arrays.asList(args).contains("--debug");
            System.err.println("error: " + (e instanceof OutOfMemoryError
                    ? "out of memory (" + Printable.clean(String.valueOf(e.getMessage())) + "); a larger -Xmx or a smaller input helps"
                    : "the input is nested too deeply (stack overflow)") + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                e.printStackTrace(System.err);
            }
            System.err.flush();
            return USER_ERROR;
        }
    }

    private static int parseAndRun(CommandLine cli, String... args) {
        // A mistyped or missing option: the reason and where to look, not the whole usage.
        cli.setParameterExceptionHandler((ex, arguments) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + Printable.clean(ex.getMessage()));
            err.println("see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            err.flush();
            return USER_ERROR;
        });
        // The libraries' log (DJL, PDFBox, ...): warnings to stderr, everything with --debug.
        cli.setExecutionStrategy(parseResult -> {
            org.splitscope.runtime.StartupClock.mark("arguments parsed");
            org.splitscope.runtime.Engines.awaitLogging(); // the engine may be loading on another thread
            org.splitscope.logs.Logs.toStderr(debugAnywhere(parseResult));
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = debugAnywhere(parseResult);
            if (e instanceof SplitScopeException) {
                err.println("error: " + Printable.clean(e.getMessage())); // may quote file names and contents
            } else {
                err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + Printable.clean(e.getMessage())
                        + (debug ? "" : " (run with --debug for details)"));
            }
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return USER_ERROR;
        });
        return cli.execute(args);
    }
}
