package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+C (SIGINT) and SIGTERM in the middle of the work, signalled when the child says "ready: …"
 * (it does with -Dsplitscope.readiness=true) rather than after a guessed sleep: capture deletes what
 * it was writing, analyze saves its state so --resume continues; both exit 130 with one line.
 */
@Timeout(300)
class InterruptTest {
    @TempDir
    Path temp;

    /**
     * {@code groups} folders of {@code perGroup} links to one 1,200 × 1,200 PNG: decoding each takes long
     * enough that the work is still going when the signal arrives, and the links take no space.
     */
    private Path slowImages(int groups, int perGroup) throws Exception {
        BufferedImage image = new BufferedImage(1200, 1200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 1200; x++) {
                image.setRGB(x, y, (x * 7 + y * 13) % 256 * 0x010101 ^ (x * y) & 0xFF);
            }
        }
        Path png = temp.resolve("big.png");
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        Path root = Files.createDirectories(temp.resolve("slow"));
        for (int g = 0; g < groups; g++) {
            Path dir = Files.createDirectories(root.resolve(g == 0 ? "bag" : "coat"));
            for (int i = 0; i < perGroup; i++) {
                Files.createLink(dir.resolve(String.format("%04d.png", i)), png);
            }
        }
        return root;
    }

    private static List<Path> hiddenParts(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    @Test
    void sigtermStopsAnalyzeWithItsStateSavedAndResumeFinishesIt() throws Exception {
        Path input = slowImages(2, 200);
        Path out = temp.resolve("out");
        ChildCli.Child child = ChildCli.of("analyze", "--input", input.toString(), "--out", out.toString(),
                "--batch", "1", "--device", "cpu").startReady();
        child.signal("TERM");
        assertEquals(130, child.status(), child.err());
        String line = child.err().strip();
        assertTrue(line.matches("interrupted; analyze stopped after \\d+ of 400 images \\(saved; --resume continues\\)"),
                line);
        int done = Integer.parseInt(line.replaceAll("\\D+(\\d+) of.*", "$1"));
        JsonObject state = new Gson().fromJson(Files.readString(out.resolve("analyze-state.json")), JsonObject.class);
        assertEquals(done, state.get("processed").getAsInt(), "what was said is what was saved");
        assertFalse(Files.exists(out.resolve("stats.json")), "no statistics that look finished");
        assertEquals(List.of(), hiddenParts(out));
        // --resume goes on from there (a few images suffice: the rest is the same images again)
        CliRunner.Run resumed = CliRunner.run("analyze", "--input", input.toString(), "--out", out.toString(), "--batch",
                "1", "--device", "cpu", "--resume", "--stop-after", Integer.toString(done + 1));
        assertEquals(130, resumed.status(), resumed.err());
        assertEquals("stopped after " + (done + 1) + " of 400 images (saved; --resume continues)", resumed.err().strip());
    }

    @Test
    void ctrlCDuringCaptureDeletesWhatWasBeingWritten() throws Exception {
        Path input = slowImages(1, 300);
        Path out = temp.resolve("cap");
        ChildCli.Child child = ChildCli.of("capture", "--input", input.resolve("bag").toString(), "--out",
                out.toString(), "--batch", "1", "--device", "cpu").startReady();
        child.signal("INT");
        assertEquals(130, child.status(), child.err());
        assertEquals("interrupted; files being written were discarded, finished ones are kept", child.err().strip());
        assertFalse(Files.exists(out.resolve("capture.npz")) || Files.exists(out.resolve("capture.json")));
        assertEquals(List.of(), hiddenParts(out), "the scratch folder of the streamed capture is gone");
    }
}
