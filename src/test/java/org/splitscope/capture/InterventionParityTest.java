package org.splitscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.TestSupport;
import org.splitscope.checkpoint.Checkpoints;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.Weights;

/**
 * Interventions against the PyTorch reference with the same forced attention
 * (src/test/python/make_intervention_fixtures.py): logits and the attention used in every block,
 * over radix 1/2/4, cardinality 1/2, avd first and last, with batch norm folded as the program runs.
 */
class InterventionParityTest {
    /**
     * Relative to the size of what is compared (at least 1). Measured worst here: 3.6e-7 (2026-12-04,
     * r1k1 logits with scale and one-hot forced); 1e-6 leaves room for another CPU's rounding and is what
     * the README states. A forced weight applied to the wrong split or block misses by far more.
     */
    private static final double TOLERANCE = 1e-6;

    static Stream<JsonObject> cases() throws Exception {
        JsonArray all = new Gson().fromJson(
                Files.readString(TestSupport.resource("intervene/cases.json")), JsonArray.class);
        return StreamSupport.stream(all.spliterator(), false).map(JsonElement::getAsJsonObject);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forcedAttentionMatchesPyTorch(JsonObject testCase) throws Exception {
        String name = testCase.get("name").getAsString();
        ResNeStConfig config = new Gson().fromJson(testCase.get("config"), ResNeStConfig.class);
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> weights = Checkpoints.read(TestSupport.resource("intervene/" + name + ".safetensors"),
                    manager).tensors();
            Map<String, NDArray> expected = TestSupport.decode(manager,
                    TestSupport.resource("intervene/" + name + ".expected.npz"));
            ResNeSt network = new ResNeSt(config);
            Weights.assign(network, weights);
            network.setTraining(false);
            network.foldBatchNorm();
            NDArray input = expected.get("input");

            float[] plain = Capture.logits(network, input);
            assertClose(name + " plain", expected.get("plain.logits").toFloatArray(), plain);
            for (JsonElement s : testCase.getAsJsonArray("sets")) {
                String id = s.getAsJsonObject().get("id").getAsString();
                List<String> texts = new ArrayList<>();
                s.getAsJsonObject().getAsJsonArray("interventions").forEach(t -> texts.add(t.getAsString()));
                Interventions forced = Interventions.parse(texts, network);
                CaptureResult result = Capture.run(network, input, Set.of(), () -> false, forced);
                String what = name + " " + forced;
                float[] want = expected.get(id + ".logits").toFloatArray();
                assertClose(what + ": logits", want, result.logits());
                assertTrue(TestSupport.maxAbsDiff(want, plain) > 1e-3, what + " changes the logits");
                assertEquals(config.layers().stream().mapToInt(Integer::intValue).sum(), result.blocks().size());
                for (BlockCapture b : result.blocks()) {
                    assertClose(what + ": " + b.name() + ".attention",
                            expected.get(id + "." + b.name() + ".attention").toFloatArray(), b.attention());
                }
            }
        }
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        float scale = 1;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double relative = TestSupport.maxAbsDiff(expected, actual) / scale;
        assertTrue(relative <= TOLERANCE, what + ": max |diff| / max(1, max |expected|) = " + relative);
    }
}
