package org.splitscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desktop session that logs out sends the window SIGTERM (a closed terminal, SIGHUP): the real
 * window in Xvfb, showing its first capture, gets the signal and must end as if closed — its size
 * saved, no crash file (hs_err_pid*.log) in the folder it was started from, nothing on stderr that
 * looks like a fault — with exit status 128 + the signal (143, 129), as the README says.
 */
class WindowSignalTest {
    /** RealWindowTest ends its window with SIGTERM and checks the same in every run; this one is -Psoak. */
    @Tag("soak")
    @Test
    void sigtermClosesTheWindowCleanly(@TempDir Path dir) throws Exception {
        endsCleanly("TERM", 143, dir);
    }

    /** The same path as SIGTERM; another window start (about 30 s on a busy machine), so in -Psoak. */
    @Tag("soak")
    @Test
    void sighupClosesTheWindowCleanly(@TempDir Path dir) throws Exception {
        endsCleanly("HUP", 129, dir);
    }

    private static void endsCleanly(String signal, int status, Path dir) throws Exception {
        assumeTrue(RealWindow.onPath("xvfb-run"), "xvfb-run is not on PATH: install xvfb (see .ci/run) to run the real-window test");
        // the app's own screenshot ends it 8 s after it is written: the signal comes well before
        String output = RealWindow.run(dir, dir.resolve("app.png"), "1280x720",
                "kill -" + signal + " $app\nwait $app\necho \"exit status $?\"\n");
        assertEndedCleanly(output, dir.resolve("work"), dir.resolve("prefs"), status);
    }

    /** No crash file in {@code work}, the exit status printed as "exit status N", the size saved. */
    static void assertEndedCleanly(String output, Path work, Path prefs, int status) throws Exception {
        try (Stream<Path> files = Files.list(work)) {
            List<String> crashes = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("hs_err") || n.startsWith("replay_pid") || n.startsWith("core")).toList();
            assertEquals(List.of(), crashes, output);
        }
        assertTrue(output.contains("exit status " + status + "\n"), "exit status 128 + the signal:\n" + output);
        assertFalse(output.contains("Exception") || output.contains("SIGSEGV") || output.contains("fatal error"), output);
        assertTrue(savedWindowSize(prefs), "the window's size was saved, as when the user closes it:\n" + output);
    }

    /** Java's file-based preferences store each node as prefs.xml under the user root. */
    private static boolean savedWindowSize(Path prefs) throws Exception {
        if (!Files.isDirectory(prefs)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(prefs)) {
            for (Path p : all.filter(f -> f.getFileName().toString().equals("prefs.xml")).toList()) {
                if (Files.readString(p).contains("window.width")) {
                    return true;
                }
            }
        }
        return false;
    }
}
