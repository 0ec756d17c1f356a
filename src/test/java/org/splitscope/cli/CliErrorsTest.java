package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's one way of failing: one error line (and a hint), exit 2, a trace only with --debug. */
class CliErrorsTest {
    @TempDir
    Path temp;

    @Test
    void aParseErrorIsOneLineAndAHintNotTheUsage() {
        CliTest.Run unknown = CliTest.run("capture", "--input", "x.png", "--out", temp.toString(), "--inptu");
        assertEquals(2, unknown.status());
        assertEquals("error: Unknown option: '--inptu'\nsee 'splitscope capture --help'", unknown.err().strip(), unknown.err());
        CliTest.Run missing = CliTest.run("figure", "--view", "depth");
        assertEquals(2, missing.status());
        assertEquals(2, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("error: Missing required option: '--out=FILE'"), missing.err());
        assertTrue(missing.err().strip().endsWith("see 'splitscope figure --help'"), missing.err());
        CliTest.Run merge = CliTest.run("analyze", "merge", temp.toString());
        assertEquals(2, merge.status());
        assertTrue(merge.err().strip().endsWith("see 'splitscope analyze merge --help'"), merge.err());
        CliTest.Run control = CliTest.run("capture", "--input", "x.png", "--out", temp.toString(), "--in\u001b[2Jput");
        assertTrue(control.err().contains("\\x1B[2J") && control.err().indexOf('\u001b') < 0, control.err());
        assertEquals("", unknown.out() + missing.out(), "no usage on stdout either");
    }

    @Test
    void lockMessagesNameTheCommandThatWaits() throws Exception {
        Path out = Files.createDirectories(temp.resolve("held"));
        Path input = AnalyzeTest.folder(temp, 1);
        try (var held = org.splitscope.io.FolderLock.acquire(out, "capture")) {
            CliTest.Run analyze = CliTest.run("analyze", "--input", input.toString(), "--out", out.toString(),
                    "--device", "cpu");
            assertEquals(2, analyze.status());
            assertTrue(analyze.err().contains(": another analyze is writing into this folder"), analyze.err());
            CliTest.Run knockout = CliTest.run("knockout", "--input", input.toString(), "--out", out.toString(),
                    "--device", "cpu");
            assertTrue(knockout.err().contains(": another knockout is writing into this folder"), knockout.err());
        }
    }

    /** A command that really runs out of stack or of memory, added beside the program's own. */
    @CommandLine.Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @CommandLine.Option(names = "--how")
        String how;

        @Override
        public Integer call() {
            if (how.equals("stack")) {
                return deep(0);
            }
            long[] huge = new long[Integer.MAX_VALUE - 16]; // 16 GiB at once: refused at once, nothing else starves
            return huge.length;
        }

        private static int deep(int n) {
            return deep(n + 1) + 1;
        }
    }

    private static CliTest.Run run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = new CommandLine(new SplitScopeCli()).addSubcommand("fail", new Failing());
            return new CliTest.Run(SplitScopeCli.execute(cli, args), "", err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void outOfMemoryAndStackOverflowEndWithOneErrorLine() {
        CliTest.Run stack = run("fail", "--how", "stack");
        assertEquals(2, stack.status());
        assertEquals("error: the input is nested too deeply (stack overflow) (run with --debug for details)",
                stack.err().strip());
        CliTest.Run memory = run("fail", "--how", "memory");
        assertEquals(2, memory.status());
        assertTrue(memory.err().strip().matches("error: out of memory \\([^\n]+\\); a larger -Xmx or a smaller "
                + "input helps \\(run with --debug for details\\)"), memory.err());
        CliTest.Run debug = run("fail", "--how", "stack", "--debug");
        assertTrue(debug.err().startsWith("error: the input is nested too deeply (stack overflow)\n")
                && debug.err().contains("java.lang.StackOverflowError"), "the trace with --debug");
    }
}
