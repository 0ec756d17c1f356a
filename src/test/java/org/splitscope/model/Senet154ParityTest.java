package org.splitscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.TestSupport;
import org.splitscope.checkpoint.Checkpoints;
import org.splitscope.input.Preprocessing;

/**
 * SENet-154 (the SENet release's {@code legacy_senet154}) against the reference written from the paper
 * and timm's senet.py (src/test/python/senet_reference.py, fixtures by make_senet154_fixtures.py): a
 * reduced network of the same topology — three-conv {@code layer0}, grouped reduce-first bottlenecks,
 * 3×3 strided shortcuts, SE — agrees in logits, every gate, the pooled vector entering it and layer2.0's
 * pre-gate and gated maps within 1e-4 relative, before and after folding; the full size's keys and
 * shapes are the reference's; both architectures are read back off their shapes.
 */
class Senet154ParityTest {
    private static final String DIR = "parity/senet154/";

    private static JsonObject testCase() throws Exception {
        return new Gson().fromJson(Files.readString(TestSupport.resource(DIR + "case.json")), JsonObject.class);
    }

    private static ResNeStConfig config() throws Exception {
        return new Gson().fromJson(testCase().get("config"), ResNeStConfig.class);
    }

    @Test
    void reducedSenet154MatchesTheReference() throws Exception {
        FamilyParityTest.assertMatchesBeforeAndAfterFolding("senet154 (reduced)", config(), DIR + "small", "layer2.0");
    }

    @Test
    void reducedArchitectureIsInferredFromItsKeys() throws Exception {
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> weights = Checkpoints.read(TestSupport.resource(DIR + "small.safetensors"), manager)
                    .tensors();
            ResNeStConfig inferred = ArchitectureInference.infer(ParityTest.shapes(weights));
            assertEquals(config(), inferred);
            assertEquals(2, inferred.reduceFirst());
            assertEquals(3, inferred.shortcutKernel());
        }
    }

    @Test
    void fullSizePresetHasTheReferencesKeysAndShapes() throws Exception {
        JsonObject full = testCase().getAsJsonObject("full");
        assertEquals("legacy_senet154", full.get("preset").getAsString());
        PresetShapesTest.assertPresetHasShapes("legacy_senet154", full);
    }

    @Test
    void presetHasTimmsEvalTransform() {
        for (String name : new String[] {"legacy_senet154", "legacy_senet154.in1k"}) {
            Preset preset = Presets.find(name).orElseThrow();
            Preprocessing p = preset.preprocessing();
            assertEquals(224, p.size(), name);
            assertEquals(0.875, p.cropFraction(), 1e-12, name);
            assertEquals(Preprocessing.Interpolation.BILINEAR, p.interpolation(), name);
            assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f}, p.mean(), 1e-6f, name);
            assertArrayEquals(new float[] {0.229f, 0.224f, 0.225f}, p.std(), 1e-6f, name);
            assertEquals(1000, preset.config().numClasses(), name);
        }
    }
}
