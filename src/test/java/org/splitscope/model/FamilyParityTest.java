package org.splitscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.TestSupport;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.Capture;
import org.splitscope.capture.CaptureResult;
import org.splitscope.checkpoint.Checkpoints;

/**
 * The attention family against timm's own modules (src/test/python/make_family_fixtures.py): SE with
 * and without se.bn, ECA, SK with split input on and off, in bottleneck and basic blocks, with the 7×7,
 * deep and tiered stems, avg-down, ResNeXt cardinality, and the legacy SENet release's keys. Logits,
 * every gate and the pooled vector entering it, and layer2.0's splits and gated output agree within
 * 1e-4 relative to the largest magnitude (at least 1), before and after folding the batch norms.
 */
class FamilyParityTest {
    private static final float TOLERANCE = 1e-4f;
    private static final String SPLITS_BLOCK = "layer2.0";

    static Stream<JsonObject> cases() throws Exception {
        JsonArray all = new Gson().fromJson(
                Files.readString(TestSupport.resource("parity/family/cases.json")), JsonArray.class);
        return StreamSupport.stream(all.spliterator(), false).map(JsonElement::getAsJsonObject);
    }

    static ResNeStConfig config(JsonObject testCase) {
        return new Gson().fromJson(testCase.get("config"), ResNeStConfig.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTimm(JsonObject testCase) throws Exception {
        String name = testCase.get("name").getAsString();
        ResNeStConfig config = config(testCase);
        assertMatchesBeforeAndAfterFolding(name, config, "parity/family/" + name, SPLITS_BLOCK);
    }

    /**
     * Loads {@code fixture}.safetensors into a network of {@code config} and checks it against
     * {@code fixture}.expected.npz, as loaded and again with its batch norms folded.
     */
    static void assertMatchesBeforeAndAfterFolding(String name, ResNeStConfig config, String fixture,
            String splitsBlock) throws Exception {
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> weights = Checkpoints.read(TestSupport.resource(fixture + ".safetensors"), manager)
                    .tensors();
            Map<String, NDArray> expected = TestSupport.decode(manager, TestSupport.resource(fixture + ".expected.npz"));
            ResNeSt network = new ResNeSt(config);
            WeightReport report = Weights.check(network, ParityTest.shapes(weights));
            assertTrue(report.ok(), report.describe());
            Weights.assign(network, weights);
            network.setTraining(false);

            NDArray input = expected.get("input");
            float[] worst = assertMatches(name, expected, Capture.run(network, input, Set.of(splitsBlock)), config);
            network.foldBatchNorm();
            float[] folded = assertMatches(name, expected, Capture.run(network, input, Set.of(splitsBlock)), config);
            System.out.printf(Locale.ROOT, "parity %-28s %-4s logits %.1e  gates %.1e  gap %.1e  maps %.1e (folded: %.1e %.1e %.1e %.1e)%n",
                    name, config.mechanism().key(), worst[0], worst[1], worst[2], worst[3],
                    folded[0], folded[1], folded[2], folded[3]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void architectureIsInferredFromShapes(JsonObject testCase) throws Exception {
        String name = testCase.get("name").getAsString();
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> weights = Checkpoints.read(
                    TestSupport.resource("parity/family/" + name + ".safetensors"), manager).tensors();
            ResNeStConfig config = config(testCase);
            ResNeStConfig inferred = ArchitectureInference.infer(ParityTest.shapes(weights));
            // Tiny gates round up to one divisor, so several reduction ratios fit: the same network.
            assertEquals(new ResNeSt(config).parameterShapes(), new ResNeSt(inferred).parameterShapes());
            assertEquals(config, inferred.toBuilder().reduction(config.reduction()).build());
        }
    }

    /** @return the largest relative differences: logits, attention, GAP, splits/fused */
    static float[] assertMatches(String name, Map<String, NDArray> expected, CaptureResult result,
            ResNeStConfig config) {
        float[] worst = new float[4];
        worst[0] = assertClose(name + " logits", expected.get("logits").toFloatArray(), result.logits());
        assertEquals(config.layers().stream().mapToInt(Integer::intValue).sum(), result.blocks().size());
        for (BlockCapture block : result.blocks()) {
            NDArray attention = expected.get(block.name() + ".attention");
            NDArray gap = expected.get(block.name() + ".gap");
            assertEquals(attention.getShape(), new Shape(block.attentionShape(result.batch())), block.name());
            assertEquals(gap.getShape(), new Shape(block.gapShape(result.batch())), block.name());
            worst[1] = Math.max(worst[1], assertClose(name + " " + block.name() + ".attention",
                    attention.toFloatArray(), block.attention()));
            worst[2] = Math.max(worst[2], assertClose(name + " " + block.name() + ".gap", gap.toFloatArray(), block.gap()));
            if (block.name().equals(SPLITS_BLOCK)) {
                assertTrue(block.hasSplits(), SPLITS_BLOCK + " has no splits");
                worst[3] = Math.max(assertClose(name + " splits", expected.get(block.name() + ".splits").toFloatArray(),
                        block.splits()), assertClose(name + " fused", expected.get(block.name() + ".fused").toFloatArray(),
                        block.fused()));
            }
        }
        return worst;
    }

    private static float assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": size");
        float scale = 1;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        float relative = TestSupport.maxAbsDiff(expected, actual) / scale;
        assertTrue(relative <= TOLERANCE, what + ": max |diff| / " + scale + " = " + relative + " > " + TOLERANCE);
        return relative;
    }
}
