package org.splitscope.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import picocli.CommandLine;

/**
 * The CLI run in this JVM, as every test that drives a command does: its exit status and what it
 * printed. For the CLI in a child JVM (its own options, environment, signals) see {@link ChildCli}.
 */
public final class CliRunner {
    private CliRunner() {}

    /** What one run gave: the exit status and stdout and stderr as printed. */
    public record Run(int status, String out, String err) {}

    /** Runs the program's CLI with {@code args}, as {@code splitscope ARGS} would. */
    public static Run run(String... args) {
        return capture(() -> SplitScopeCli.run(args));
    }

    /** Runs {@code cli} (the program's with a command a test added) with the program's guards. */
    static Run run(CommandLine cli, String... args) {
        return capture(() -> SplitScopeCli.execute(cli, args));
    }

    // System.out/err are the process's: tests that run the CLI in process do not run in parallel.
    private static synchronized Run capture(IntSupplier command) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = command.getAsInt();
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
