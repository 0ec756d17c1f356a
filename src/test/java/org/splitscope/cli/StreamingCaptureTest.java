package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;
import org.splitscope.app.TestModels;

/**
 * capture streams its batches to disk: thousands of images with split maps run in a 100 MB heap
 * (they used to be gathered in memory and joined at the end, which took gigabytes).
 */
class StreamingCaptureTest {
    @TempDir
    Path temp;

    @Test
    void twoThousandImagesWithSplitMapsRunInAHundredMegabyteHeap() throws Exception {
        capture(2_000);
    }

    @Test
    @Tag("soak")
    void twentyThousandImagesWithSplitMapsRunInAHundredMegabyteHeap() throws Exception {
        capture(20_000);
    }

    private void capture(int images) throws Exception {
        Path input = Files.createDirectories(temp.resolve("images"));
        for (int i = 0; i < images; i++) {
            Files.copy(TestModels.image(), input.resolve(String.format("img-%05d.png", i)));
        }
        Path out = temp.resolve("out");
        CliRunner.Run run = ChildCli.of("capture", "--model", TestModels.gray28().toString(), "--input",
                input.toString(), "--out", out.toString(), "--batch", "32", "--splits", "layer2.0", "--device", "cpu")
                .jvm("-Xmx100m").runMerged();
        String log = run.out();
        assertEquals(0, run.status(), log.lines().filter(l -> !l.contains("\t")).toList().toString());
        assertTrue(log.contains("captured " + images + " input(s)"), log.substring(Math.max(0, log.length() - 400)));
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> z = TestSupport.decode(manager, out.resolve("capture.npz"));
            assertEquals(images, z.get("logits").getShape().get(0));
            assertEquals(images, z.get("layer2.0.splits").getShape().get(0));
            float[] first = z.get("layer2.0.attention").get(0).toFloatArray();
            float[] last = z.get("layer2.0.attention").get(images - 1).toFloatArray();
            assertEquals(List.of(first.length), List.of(last.length));
            for (int i = 0; i < first.length; i++) {
                assertEquals(first[i], last[i], 1e-6, "the same image gives the same attention in every batch");
            }
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of(".splitscope.lock", "capture.json", "capture.npz"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no scratch left");
        }
    }
}
