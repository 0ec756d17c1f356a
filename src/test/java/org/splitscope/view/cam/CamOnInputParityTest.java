package org.splitscope.view.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splitscope.TestSupport;
import org.splitscope.cli.CliRunner;

/**
 * A map on the input against PyTorch itself: min-max normalisation and
 * {@code F.interpolate(mode="bilinear", align_corners=False)} computed by
 * {@code src/test/python/make_cam_resize_fixtures.py} — from every raw map of the CAM fixtures (12×12
 * and 6×6 maps onto 24 px) and from maps of awkward sizes (7→224, 5×7→23×31, shrinking 9→4, one side
 * up and one down, 1×1) — and through the CLI's {@code cam_input}.
 */
class CamOnInputParityTest {
    /** Float rounding of the same formula in another order. */
    private static final float EXACT = 2e-6f;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"r1k1", "r2k1", "r2k2", "r4k1_avdfirst", "r4k2_avdfirst"})
    void everyFixtureMapResizesAsPyTorchDoes(String name) throws Exception {
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> raw = TestSupport.decode(manager, TestSupport.resource("cam/" + name + ".expected.npz"));
            Map<String, NDArray> want = TestSupport.decode(manager, TestSupport.resource("cam/" + name + ".on_input.npz"));
            assertEquals(15, want.size(), "5 targets × 3 methods");
            int resized = 0;
            for (Map.Entry<String, NDArray> e : want.entrySet()) {
                NDArray map = raw.get(e.getKey());
                long[] s = map.getShape().getShape();
                int h = (int) s[1];
                int w = (int) s[2];
                float[] maps = map.toFloatArray();
                float[] expected = e.getValue().toFloatArray();
                int plane = 24 * 24;
                for (int n = 0; n < 2; n++) {
                    float[] got = CamMaps.toInput(Arrays.copyOfRange(maps, n * h * w, (n + 1) * h * w), w, h, 24, 24);
                    float diff = TestSupport.maxAbsDiff(Arrays.copyOfRange(expected, n * plane, (n + 1) * plane), got);
                    assertTrue(diff <= EXACT, name + " " + e.getKey() + " image " + n + " (" + h + "×" + w
                            + " → 24×24) differs by " + diff);
                }
                resized += h != 24 ? 1 : 0;
            }
            assertTrue(resized >= 9, "most fixture maps are smaller than the input: " + resized);
        }
    }

    @Test
    void awkwardSizesResizeAsPyTorchDoes() throws Exception {
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> all = TestSupport.decode(manager, TestSupport.resource("cam/resize.npz"));
            int cases = all.size() / 2;
            assertEquals(7, cases);
            for (int i = 0; i < cases; i++) {
                NDArray map = all.get(i + ".map");
                NDArray want = all.get(i + ".resized");
                int h = (int) map.getShape().get(0);
                int w = (int) map.getShape().get(1);
                int outH = (int) want.getShape().get(0);
                int outW = (int) want.getShape().get(1);
                float[] got = CamMaps.toInput(map.toFloatArray(), w, h, outW, outH);
                float diff = TestSupport.maxAbsDiff(want.toFloatArray(), got);
                assertTrue(diff <= EXACT, h + "×" + w + " → " + outH + "×" + outW + " differs by " + diff);
            }
        }
    }

    /** The command line's map on the input, for a 6×6 map (layer3.0) on 24 px. */
    @Test
    void theCommandsMapOnTheInputMatchesPyTorch() throws Exception {
        Path out = temp.resolve("out");
        CliRunner.Run run = CliRunner.run("cam", "--model", TestSupport.resource("cam/r2k1.safetensors").toString(),
                "--input", TestSupport.resource("cam/r2k1.input.npy").toString(), "--block", "layer3.0",
                "--class", "top", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> got = TestSupport.decode(manager, out.resolve("cam.npz"));
            Map<String, NDArray> want = TestSupport.decode(manager, TestSupport.resource("cam/r2k1.on_input.npz"));
            assertEquals(new Shape(2, 6, 6), got.get("cam").getShape());
            assertEquals(new Shape(2, 24, 24), got.get("cam_input").getShape());
            // image 0 explains its top class (image 1 of the fixture explains another class)
            int plane = 24 * 24;
            float diff = TestSupport.maxAbsDiff(Arrays.copyOf(want.get("layer3.0.gradcam").toFloatArray(), plane),
                    Arrays.copyOf(got.get("cam_input").toFloatArray(), plane));
            // the raw maps agree to 1e-3 of their peak (CamParityTest); normalised, to about twice that
            assertTrue(diff <= 3e-3, "cam_input differs from PyTorch's by " + diff);
        }
    }
}
