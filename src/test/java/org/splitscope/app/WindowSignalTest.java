package org.splitscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.model.ModelViewModel;
import org.splitscope.bundled.BundledModels;

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
        assumeTrue(onPath("xvfb-run"), "xvfb-run is not on PATH: install xvfb (see .ci/run) to run the real-window test");
        Path work = Files.createDirectories(dir.resolve("work")); // where a crash file would land
        Path prefs = dir.resolve("prefs");
        Path ready = dir.resolve("app.png");
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dsplitscope.screenshot=" + ready, // written once the first capture is drawn
                "-Djava.util.prefs.userRoot=" + prefs,
                "-Dsplitscope.cache=" + dir.resolve("cache"),
                "-Djavafx.cachedir=" + dir.resolve("javafx-cache")));
        if (ModelViewModel.availableBundled().stream().noneMatch(BundledModels.Entry::isDefault)) {
            java.add("-Dsplitscope.model=" + TestModels.gray28().toAbsolutePath());
            java.add("-Dsplitscope.image=" + TestModels.image().toAbsolutePath());
        }
        java.add("org.splitscope.Launcher");
        // The app's own screenshot ends it 8 s after it is written: the signal comes well before.
        String script = String.join(" ", java.stream().map(WindowSignalTest::quote).toList()) + " &\n"
                + "app=$!\n"
                + "for i in $(seq 1 240); do\n"
                + "  [ -s " + quote(ready.toString()) + " ] && break\n"
                + "  kill -0 $app 2>/dev/null || { echo 'the app exited early'; exit 3; }\n"
                + "  sleep 0.5\n"
                + "done\n"
                + "[ -s " + quote(ready.toString()) + " ] || { echo 'no window after 120 s'; kill -9 $app; exit 4; }\n"
                + "kill -" + signal + " $app\n"
                + "wait $app\n"
                + "echo \"exit status $?\"\n";
        Path log = dir.resolve("run.log");
        Process process = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 1280x720x24", "bash", "-c", script)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.exists(log) ? Files.readString(log) : "";
        assertTrue(finished, "the window test ran past 180 s:\n" + output);
        assertEquals(0, process.exitValue(), output);

        assertEndedCleanly(output, work, prefs, status);
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

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
