package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        CliRunner.Run unknown = CliRunner.run("capture", "--input", "x.png", "--out", temp.toString(), "--inptu");
        assertEquals(2, unknown.status());
        assertEquals("error: Unknown option: '--inptu'\nsee 'splitscope capture --help'", unknown.err().strip(), unknown.err());
        CliRunner.Run missing = CliRunner.run("figure", "--view", "depth");
        assertEquals(2, missing.status());
        assertEquals(2, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("error: Missing required option: '--out=FILE'"), missing.err());
        assertTrue(missing.err().strip().endsWith("see 'splitscope figure --help'"), missing.err());
        CliRunner.Run merge = CliRunner.run("analyze", "merge", temp.toString());
        assertEquals(2, merge.status());
        assertTrue(merge.err().strip().endsWith("see 'splitscope analyze merge --help'"), merge.err());
        CliRunner.Run control = CliRunner.run("capture", "--input", "x.png", "--out", temp.toString(), "--in\u001b[2Jput");
        assertTrue(control.err().contains("\\x1B[2J") && control.err().indexOf('\u001b') < 0, control.err());
        assertEquals("", unknown.out() + missing.out(), "no usage on stdout either");
    }

    @Test
    void lockMessagesNameTheCommandThatWaits() throws Exception {
        Path out = Files.createDirectories(temp.resolve("held"));
        Path input = AnalyzeTest.folder(temp, 1);
        try (var held = org.splitscope.io.FolderLock.acquire(out, "capture")) {
            CliRunner.Run analyze = CliRunner.run("analyze", "--input", input.toString(), "--out", out.toString(),
                    "--device", "cpu");
            assertEquals(2, analyze.status());
            assertTrue(analyze.err().contains(": another analyze is writing into this folder"), analyze.err());
            CliRunner.Run knockout = CliRunner.run("knockout", "--input", input.toString(), "--out", out.toString(),
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

    private static CliRunner.Run run(String... args) {
        return CliRunner.run(new CommandLine(new SplitScopeCli()).addSubcommand("fail", new Failing()), args);
    }

    @Test
    void outOfMemoryAndStackOverflowEndWithOneErrorLine() {
        CliRunner.Run stack = run("fail", "--how", "stack");
        assertEquals(2, stack.status());
        assertEquals("error: the input is nested too deeply (stack overflow) (run with --debug for details)",
                stack.err().strip());
        CliRunner.Run memory = run("fail", "--how", "memory");
        assertEquals(2, memory.status());
        assertTrue(memory.err().strip().matches("error: out of memory \\([^\n]+\\); a larger -Xmx or a smaller "
                + "input helps \\(run with --debug for details\\)"), memory.err());
        CliRunner.Run debug = run("fail", "--how", "stack", "--debug");
        assertTrue(debug.err().startsWith("error: the input is nested too deeply (stack overflow)\n")
                && debug.err().contains("java.lang.StackOverflowError"), "the trace with --debug");
    }
}
