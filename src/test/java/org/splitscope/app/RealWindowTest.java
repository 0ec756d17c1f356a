package org.splitscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer as a user starts it (the launcher with no arguments) in a real X server (Xvfb): the
 * window must appear, draw the first capture, and fill the screen with more than a few colours.
 * Needs xvfb-run and ImageMagick's import (.ci/run installs them); skipped without them.
 */
class RealWindowTest {
    private static final String IMPORT = "/usr/bin/import";

    @Test
    void theLauncherWithoutArgumentsOpensAWindowShowingAttention(@TempDir Path dir) throws Exception {
        assumeTrue(RealWindow.onPath("xvfb-run"), "xvfb-run is not on PATH: install xvfb (see .ci/run) to run the real-window test");
        assumeTrue(Files.isExecutable(Path.of(IMPORT)),
                IMPORT + " is missing: install imagemagick (see .ci/run) to run the real-window test");

        Path appShot = dir.resolve("app.png");
        Path screen = dir.resolve("screen.png");
        String output = RealWindow.run(dir, appShot, "1600x1000",
                IMPORT + " -window root " + RealWindow.quote(screen.toString()) + "\n"
                + "status=$?\n"
                // as a desktop session that logs out: must end cleanly (unless the app's own timer,
                // 8 s after its screenshot, ended it first on a very slow machine)
                + "if kill -TERM $app 2>/dev/null; then wait $app; echo \"window exit status $?\"; "
                + "else wait $app; echo 'the window had ended by itself'; fi\n"
                + "exit $status\n");
        // SIGTERM at the end closed it as the user would (WindowSignalTest, -Psoak, also tries SIGHUP)
        if (!output.contains("the window had ended by itself")) {
            WindowSignalTest.assertEndedCleanly(output, dir.resolve("work"), dir.resolve("prefs"), 143);
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
}
