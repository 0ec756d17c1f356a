package org.splitscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.model.ModelViewModel;
import org.splitscope.bundled.BundledModels;

/**
 * The explorer as a user starts it (the launcher with no arguments) in a real X server (Xvfb): the
 * window must appear, draw the first capture, and fill the screen with more than a few colours.
 * Needs xvfb-run and ImageMagick's import (.ci/run installs them); skipped without them.
 */
class RealWindowTest {
    private static final String IMPORT = "/usr/bin/import";

    @Test
    void theLauncherWithoutArgumentsOpensAWindowShowingAttention(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("xvfb-run"), "xvfb-run is not on PATH: install xvfb (see .ci/run) to run the real-window test");
        assumeTrue(Files.isExecutable(Path.of(IMPORT)),
                IMPORT + " is missing: install imagemagick (see .ci/run) to run the real-window test");

        Path appShot = dir.resolve("app.png");
        Path screen = dir.resolve("screen.png");
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dsplitscope.screenshot=" + appShot,
                "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
                "-Dsplitscope.cache=" + dir.resolve("cache"),
                "-Djavafx.cachedir=" + dir.resolve("javafx-cache")));
        if (ModelViewModel.availableBundled().stream().noneMatch(BundledModels.Entry::isDefault)) {
            // Until the bundled models ship, the stand-in model and a test image take their place.
            java.add("-Dsplitscope.model=" + TestModels.gray28().toAbsolutePath());
            java.add("-Dsplitscope.image=" + TestModels.image().toAbsolutePath());
        }
        java.add("org.splitscope.Launcher");
        String script = String.join(" ", java.stream().map(RealWindowTest::quote).toList()) + " &\n"
                + "app=$!\n"
                + "for i in $(seq 1 240); do\n"
                + "  [ -s " + quote(appShot.toString()) + " ] && break\n"
                + "  kill -0 $app 2>/dev/null || { echo 'the app exited early'; exit 3; }\n"
                + "  sleep 0.5\n"
                + "done\n"
                + "[ -s " + quote(appShot.toString()) + " ] || { echo 'no window after 120 s'; kill $app; exit 4; }\n"
                + IMPORT + " -window root " + quote(screen.toString()) + "\n"
                + "status=$?\n"
                // as a desktop session that logs out: must end cleanly (unless the app's own timer,
                // 8 s after its screenshot, ended it first on a very slow machine)
                + "if kill -TERM $app 2>/dev/null; then wait $app; echo \"window exit status $?\"; "
                + "else wait $app; echo 'the window had ended by itself'; fi\n"
                + "exit $status\n";
        Path log = dir.resolve("run.log");
        Path work = Files.createDirectories(dir.resolve("work")); // where a crash file would land
        Process process = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "bash", "-c", script)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.exists(log) ? Files.readString(log) : "";
        assertTrue(finished, "the window test ran past 180 s:\n" + output);
        assertEquals(0, process.exitValue(), "xvfb-run failed:\n" + output);
        // SIGTERM at the end closed it as the user would (WindowSignalTest, -Psoak, also tries SIGHUP)
        if (!output.contains("the window had ended by itself")) {
            WindowSignalTest.assertEndedCleanly(output, work, dir.resolve("prefs"), 143);
        }

        BufferedImage shot = ImageIO.read(screen.toFile());
        assertNotNull(shot, "import wrote a readable PNG");
        assertEquals(1600, shot.getWidth());
        assertEquals(1000, shot.getHeight());
        assertTrue(colours(shot) > 1000, "the screen shows a drawn window, not a blank screen: "
                + colours(shot) + " colours");
        BufferedImage window = ImageIO.read(appShot.toFile());
        assertNotNull(window, "the app's own PNG of its window decodes");
        assertTrue(colours(window) > 1000, "the window shows the views: " + colours(window) + " colours");
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
