package org.splitscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.splitscope.app.picker.ModelViewModel;
import org.splitscope.bundled.BundledModels;

/**
 * The explorer started as a user starts it (the launcher, no arguments) inside Xvfb, for the tests
 * that need the real window: a shell script starts it in the background, waits for its own
 * screenshot (written once the first capture is drawn), then runs what the test asks.
 */
final class RealWindow {
    private RealWindow() {}

    static boolean onPath(String program) {
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

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * Runs the window in Xvfb at {@code screen} with its prefs, caches and screenshot under {@code dir}
     * and its working folder {@code dir/work} (where a crash file would land); once the screenshot
     * {@code shot} is written, runs {@code then} (shell, {@code $app} is the window's pid).
     *
     * @return what the script printed; the test fails if it ran past 180 s or exited non-zero
     */
    static String run(Path dir, Path shot, String screen, String then) throws Exception {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dsplitscope.screenshot=" + shot, // the app ends itself 8 s after writing it
                "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
                "-Dsplitscope.cache=" + dir.resolve("cache"),
                "-Djavafx.cachedir=" + dir.resolve("javafx-cache")));
        if (ModelViewModel.availableBundled().stream().noneMatch(BundledModels.Entry::isDefault)) {
            // a checkout without the bundled models: the stand-in model and a test image
            java.add("-Dsplitscope.model=" + TestModels.gray28().toAbsolutePath());
            java.add("-Dsplitscope.image=" + TestModels.image().toAbsolutePath());
        }
        java.add("org.splitscope.Launcher");
        String script = String.join(" ", java.stream().map(RealWindow::quote).toList()) + " &\n"
                + "app=$!\n"
                + "for i in $(seq 1 240); do\n"
                + "  [ -s " + quote(shot.toString()) + " ] && break\n"
                + "  kill -0 $app 2>/dev/null || { echo 'the app exited early'; exit 3; }\n"
                + "  sleep 0.5\n"
                + "done\n"
                + "[ -s " + quote(shot.toString()) + " ] || { echo 'no window after 120 s'; kill -9 $app; exit 4; }\n"
                + then;
        Path log = dir.resolve("run.log");
        Path work = Files.createDirectories(dir.resolve("work"));
        Process process = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 " + screen + "x24", "bash", "-c", script)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.exists(log) ? Files.readString(log) : "";
        assertTrue(finished, "the window test ran past 180 s:\n" + output);
        assertEquals(0, process.exitValue(), "xvfb-run failed:\n" + output);
        return output;
    }
}
