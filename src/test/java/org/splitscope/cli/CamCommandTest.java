package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;
import org.splitscope.view.cam.CamMaps;

/** {@code cam} end to end: the files it writes, read back, and bad choices refused before any file. */
class CamCommandTest {
    private static final String MODEL = TestSupport.resource("cam/r2k1.safetensors").toString();
    private static final String INPUT = TestSupport.resource("cam/r2k1.input.npy").toString();

    @TempDir
    Path temp;

    @Test
    void writesRawMapsMapsOnTheInputTheReportAndOverlays() throws Exception {
        Path out = temp.resolve("out");
        // --batch 1: two passes, streamed into one cam.npz
        CliRunner.Run run = CliRunner.run("cam", "--model", MODEL, "--input", INPUT, "--block", "layer2.0.conv2",
                "--out", out.toString(), "--batch", "1");
        assertEquals(0, run.status(), run.err());

        JsonArray cases = new Gson().fromJson(Files.readString(TestSupport.resource("cam/cases.json")), JsonArray.class);
        int topOfFirst = cases.get(1).getAsJsonObject().getAsJsonArray("classes").get(0).getAsInt(); // r2k1
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> got = TestSupport.decode(manager, out.resolve("cam.npz"));
            Map<String, NDArray> reference = TestSupport.decode(manager, TestSupport.resource("cam/r2k1.expected.npz"));
            assertEquals(new Shape(2, 24, 24), got.get("cam").getShape());      // avd last: V at the block's input size
            assertEquals(new Shape(2, 24, 24), got.get("cam_input").getShape());
            float[] cam = got.get("cam").toFloatArray();
            float[] want = reference.get("layer2.0.conv2.gradcam").toFloatArray();
            int plane = 24 * 24;
            float peak = 0;
            for (int i = 0; i < plane; i++) {                                     // image 0 explains its top class
                peak = Math.max(peak, want[i]);
            }
            float diff = TestSupport.maxAbsDiff(Arrays.copyOf(want, plane), Arrays.copyOf(cam, plane));
            assertTrue(diff <= 1e-3 * peak, "raw map differs by " + diff + " of a peak of " + peak);
            float[] onInput = got.get("cam_input").toFloatArray();
            for (int n = 0; n < 2; n++) {
                float[] expected = CamMaps.toInput(Arrays.copyOfRange(cam, n * plane, (n + 1) * plane), 24, 24, 24, 24);
                float[] actual = Arrays.copyOfRange(onInput, n * plane, (n + 1) * plane);
                assertEquals(0, TestSupport.maxAbsDiff(expected, actual), 1e-6);
                assertTrue(max(actual) <= 1 && max(actual) > 0.99, "peak " + max(actual)); // 1e-7 guard on a small range
                assertEquals(0, -max(negate(actual)), 1e-6);
            }
        }

        JsonObject json = new Gson().fromJson(Files.readString(out.resolve("cam.json")), JsonObject.class);
        assertEquals("layer2.0.conv2", json.get("block").getAsString());
        assertEquals("split-attention output V", json.get("at").getAsString());
        assertEquals("gradcam", json.get("method").getAsString());
        assertEquals("top", json.get("class").getAsString());
        assertEquals(64, json.getAsJsonObject("model").get("sha256").getAsString().length());
        JsonArray inputs = json.getAsJsonArray("inputs");
        assertEquals(2, inputs.size());
        JsonObject first = inputs.get(0).getAsJsonObject();
        assertEquals(topOfFirst, first.get("class").getAsInt());
        assertEquals("class " + topOfFirst, first.get("label").getAsString());
        assertEquals("r2k1.input.npy[0]", first.get("source").getAsString());
        for (var input : inputs) {
            BufferedImage png = ImageIO.read(out.resolve(input.getAsJsonObject().get("overlay").getAsString()).toFile());
            assertEquals(216, png.getWidth());                                     // 24 px enlarged 9×
        }
        assertEquals("r2k1.input-1-cam.png", inputs.get(1).getAsJsonObject().get("overlay").getAsString());
        try (var left = Files.list(out)) {
            // and the hidden lock file every writer into a folder keeps there
            assertEquals(java.util.Set.of("cam.npz", "cam.json", "r2k1.input-0-cam.png", "r2k1.input-1-cam.png"),
                    left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".splitscope"))
                            .collect(java.util.stream.Collectors.toSet()), "no scratch files left");
        }
    }

    @Test
    void badBlockClassOrMethodIsOneErrorLineAndNoFile() throws Exception {
        String radix0 = TestSupport.resource("parity/r0k1.safetensors").toString();
        String[][] bad = {
            {MODEL, "--block", "layer9.9"},
            {MODEL, "--block", "layer2.0", "--class", "10"},
            {MODEL, "--block", "layer2.0", "--class", "dachshund"},
            {MODEL, "--block", "layer2.0", "--method", "scorecam"},
            {radix0, "--block", "layer1.0.conv2"},
        };
        String[] expected = {"no block 'layer9.9'", "10 classes", "no class 'dachshund'", "no method 'scorecam'",
            "radix 0"};
        for (int i = 0; i < bad.length; i++) {
            Path out = temp.resolve("out" + i);
            String[] args = concat(new String[] {"cam", "--input", INPUT, "--out", out.toString(), "--model"}, bad[i]);
            CliRunner.Run run = CliRunner.run(args);
            assertEquals(2, run.status(), String.join(" ", bad[i]) + ": " + run.err());
            assertTrue(run.err().startsWith("error: ") && run.err().strip().lines().count() == 1, run.err());
            assertTrue(run.err().contains(expected[i]), run.err());
            assertFalse(Files.exists(out), "nothing is written for bad input: " + String.join(" ", bad[i]));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static float[] negate(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = -values[i];
        }
        return out;
    }
}
