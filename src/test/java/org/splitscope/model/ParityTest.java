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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.TestSupport;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.Capture;
import org.splitscope.capture.CaptureResult;
import org.splitscope.checkpoint.Checkpoints;

/**
 * The network against the PyTorch reference (src/test/python/resnest_reference.py): logits,
 * attention and GAP of every block for tiny random-weight models covering radix 0/1/2/4,
 * cardinality 1/2/4, avd first/last, plain and deep stems, avg-down at stride 1 and 2.
 */
class ParityTest {
    private static final float TOLERANCE = 1e-4f;

    static Stream<JsonObject> cases() throws Exception {
        JsonArray all = new Gson().fromJson(
                Files.readString(TestSupport.resource("parity/cases.json")), JsonArray.class);
        return StreamSupport.stream(all.spliterator(), false).map(JsonElement::getAsJsonObject);
    }

    static ResNeStConfig config(JsonObject testCase) {
        return new Gson().fromJson(testCase.get("config"), ResNeStConfig.class);
    }

    /** Every case in every checkpoint format it was saved in (safetensors always; .pth zip and legacy for some). */
    static Stream<Arguments> checkpoints() throws Exception {
        return cases().flatMap(c -> StreamSupport.stream(c.getAsJsonArray("checkpoints").spliterator(), false)
                .map(format -> Arguments.of(c.get("name").getAsString() + "." + format.getAsString(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkpoints")
    void matchesPyTorch(String file, JsonObject testCase) throws Exception {
        String name = testCase.get("name").getAsString();
        ResNeStConfig config = config(testCase);
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> weights = Checkpoints.read(TestSupport.resource("parity/" + file), manager).tensors();
            Map<String, NDArray> expected = TestSupport.decode(manager, TestSupport.resource("parity/" + name + ".expected.npz"));
            ResNeSt network = new ResNeSt(config);
            WeightReport report = Weights.check(network, shapes(weights));
            assertTrue(report.ok(), report.describe());
            Weights.assign(network, weights);
            network.setTraining(false);

            NDArray input = expected.get("input");
            Set<String> everyBlock = network.blocks().stream().map(ResidualBlock::name).collect(Collectors.toSet());
            assertMatches(expected, Capture.run(network, input, Set.of()), config);

            network.foldBatchNorm();
            CaptureResult folded = Capture.run(network, input, everyBlock);
            assertMatches(expected, folded, config);
            assertFusedIsWeightedSumOfSplits(folded);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void architectureIsInferredFromShapes(JsonObject testCase) throws Exception {
        String name = testCase.get("name").getAsString();
        ResNeStConfig config = config(testCase);
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> weights = Checkpoints.read(TestSupport.resource("parity/" + name + ".safetensors"), manager).tensors();
            ResNeStConfig inferred = ArchitectureInference.infer(shapes(weights));
            // Not visible in the weights: avd placement and the small-input stem options.
            ResNeStConfig completed = inferred.toBuilder().avdFirst(config.avdFirst())
                    .stemStride(config.stemStride()).stemPool(config.stemPool()).build();
            assertEquals(config, completed);
        }
    }

    private static void assertMatches(Map<String, NDArray> expected, CaptureResult result, ResNeStConfig config) {
        assertClose("logits", expected.get("logits").toFloatArray(), result.logits());
        long splitBlocks = config.radix() >= 1 ? config.layers().stream().mapToInt(Integer::intValue).sum() : 0;
        assertEquals(splitBlocks, result.blocks().size());
        for (BlockCapture block : result.blocks()) {
            NDArray attention = expected.get(block.name() + ".attention");
            NDArray gap = expected.get(block.name() + ".gap");
            assertEquals(attention.getShape(), new Shape(block.attentionShape(result.batch())), block.name());
            assertEquals(gap.getShape(), new Shape(block.gapShape(result.batch())), block.name());
            assertClose(block.name() + ".attention", attention.toFloatArray(), block.attention());
            assertClose(block.name() + ".gap", gap.toFloatArray(), block.gap());
        }
    }

    /** V(c, h, w) = Σ_r a_r(c)·U_r(c, h, w) with a in radix-major order. */
    private static void assertFusedIsWeightedSumOfSplits(CaptureResult result) {
        for (BlockCapture b : result.blocks()) {
            int hw = b.height() * b.width();
            for (int n = 0; n < result.batch(); n++) {
                for (int c = 0; c < b.channels(); c++) {
                    for (int p = 0; p < hw; p += 7) {
                        float sum = 0;
                        for (int r = 0; r < b.radix(); r++) {
                            float a = b.attention(n, r, c / b.groupChannels(), c % b.groupChannels());
                            sum += a * b.splits()[((n * b.radix() + r) * b.channels() + c) * hw + p];
                        }
                        assertEquals(sum, b.fused()[(n * b.channels() + c) * hw + p], 1e-4, b.name());
                    }
                }
            }
        }
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        float diff = TestSupport.maxAbsDiff(expected, actual);
        assertTrue(diff <= TOLERANCE, what + ": max |diff| " + diff + " > " + TOLERANCE);
    }

    static Map<String, Shape> shapes(Map<String, NDArray> tensors) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        tensors.forEach((k, v) -> shapes.put(k, v.getShape()));
        return shapes;
    }
}
