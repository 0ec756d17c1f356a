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

    public static int run(String... args) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        // Ctrl+C / SIGTERM: one line, no half-written files (every write goes through a temporary
        // file; those still open are deleted), exit 130. A normal exit has set done first.
        Thread interrupted = new Thread(() -> {
            if (!done.get()) {
                org.splitscope.io.AtomicFiles.abandonWrites();
                System.err.println("interrupted; files being written were discarded, finished ones are kept");
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

    private static int execute(String... args) {
        CommandLine cli = new CommandLine(new SplitScopeCli());
        // The libraries' log (DJL, PDFBox, ...): warnings to stderr, everything with --debug.
        cli.setExecutionStrategy(parseResult -> {
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
