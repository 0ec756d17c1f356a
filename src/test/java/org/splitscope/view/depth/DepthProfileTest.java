package org.splitscope.view.depth;

import org.splitscope.analysis.AttentionEntropy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.splitscope.TestSupport;
import org.splitscope.capture.BlockCapture;

/**
 * The depth profile against numpy: capture.npz files written by the {@code capture} command for
 * bundled models and one sample image, profiled by src/test/python/make_depth_fixtures.py.
 */
class DepthProfileTest {
    private static final double TOLERANCE = 1e-5;

    /** A capture.npz's blocks, in the order numpy profiled them. */
    static List<BlockCapture> blocks(String model, JsonArray expected) throws Exception {
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> z = TestSupport.decode(manager,
                    TestSupport.resource("depth/" + model + ".capture.npz"));
            List<BlockCapture> out = new ArrayList<>();
            for (JsonElement e : expected) {
                String name = e.getAsJsonObject().get("name").getAsString();
                NDArray a = z.get(name + ".attention");
                long[] shape = a.getShape().getShape(); // [N, R, K, C/K]
                int channels = (int) (shape[2] * shape[3]);
                out.add(new BlockCapture(name, (int) shape[1], (int) shape[2], channels, a.toFloatArray(),
                        z.get(name + ".gap").toFloatArray(), null, null, 0, 0));
            }
            return out;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fmnist-2s2x40d", "fmnist-4s1x64d", "fmnist-1s1x64d"})
    void everyBlocksNumbersAgreeWithNumpy(String model) throws Exception {
        JsonObject fixture = JsonParser.parseString(Files.readString(TestSupport.resource("depth/" + model
                + ".depth.json"))).getAsJsonObject();
        JsonArray expected = fixture.getAsJsonArray("blocks");
        DepthProfile profile = DepthProfile.of(blocks(model, expected), fixture.get("image").getAsInt());
        assertEquals(expected.size(), profile.blocks().size());
        boolean anySaturated = false;
        for (int i = 0; i < expected.size(); i++) {
            JsonObject want = expected.get(i).getAsJsonObject();
            DepthProfile.Block got = profile.blocks().get(i);
            String at = model + " " + got.name();
            assertEquals(want.get("name").getAsString(), got.name());
            assertEquals(want.get("radix").getAsInt(), got.radix(), at);
            assertEquals(want.get("channels").getAsInt(), got.channels(), at);
            assertEquals(Integer.parseInt(got.name().substring(5, 6)), got.stage(), at);
            assertEquals(want.get("saturation").getAsDouble(), got.saturation(), TOLERANCE, at + " saturation");
            anySaturated |= got.saturation() > 0;
            for (int r = 0; r < got.radix(); r++) {
                assertEquals(want.getAsJsonArray("splitMean").get(r).getAsDouble(), got.splitMean()[r], TOLERANCE,
                        at + " mean a_" + r);
                assertEquals(want.getAsJsonArray("splitStd").get(r).getAsDouble(), got.splitStd()[r], TOLERANCE,
                        at + " std a_" + r);
            }
            if (got.gate()) {
                assertTrue(want.get("entropy").isJsonNull() && Double.isNaN(got.entropy()),
                        at + ": no entropy at R = 1");
                assertTrue(Double.isNaN(got.entropyStd()), at);
            } else {
                assertEquals(want.get("entropy").getAsDouble(), got.entropy(), TOLERANCE, at + " entropy");
                assertEquals(want.get("entropyStd").getAsDouble(), got.entropyStd(), TOLERANCE, at + " entropy std");
            }
        }
        assertTrue(anySaturated, model + ": the image was chosen so that some weights saturate");
        assertEquals(model.equals("fmnist-1s1x64d"), profile.gates());
    }

    @Test
    void theMeanEntropyIsTheBlocksEntropyAndSaturationCountsBothEnds() {
        // R = 2, K = 1, C = 4: a_0 = 0.95, 0.05, 0.9 (not above), 0.5; a_1 = 1 - a_0
        float[] a = {0.95f, 0.05f, 0.9f, 0.5f, 0.05f, 0.95f, 0.1f, 0.5f};
        BlockCapture b = new BlockCapture("layer2.1", 2, 1, 4, a, new float[4], null, null, 0, 0);
        DepthProfile.Block p = DepthProfile.of(List.of(b), 0).blocks().get(0);
        assertEquals(AttentionEntropy.normalized(b, 0), p.entropy(), 1e-12, "the blocks tree's entropy");
        // 0.9f and 0.1f as doubles are 0.8999999761… and 0.1000000014…: neither beyond its bound
        assertEquals(4 / 8.0, p.saturation(), 1e-12);
        assertEquals((0.95 + 0.05 + 0.9 + 0.5) / 4, p.splitMean()[0], 1e-6);
        assertEquals(2, p.stage());
        DepthProfile gates = DepthProfile.of(List.of(new BlockCapture("layer1.0", 1, 1, 2, new float[] {0.99f, 0.4f},
                new float[2], null, null, 0, 0)), 0);
        assertTrue(gates.gates());
        assertEquals(0.5, gates.blocks().get(0).saturation(), 1e-12);
        assertEquals(0.695, gates.blocks().get(0).splitMean()[0], 1e-6, "the gate mean");
        assertEquals(0.295, gates.blocks().get(0).splitStd()[0], 1e-6, "its population std");
        assertFalse(DepthProfile.of(List.of(b), 0).gates());
    }
}
