package org.splitscope.view.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.TestSupport;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;

/**
 * Raw maps against PyTorch autograd in eval mode (src/test/python/make_cam_fixtures.py, formulas as
 * pytorch-grad-cam): every method at bottleneck outputs and split-attention outputs V, radix 1/2/4,
 * cardinality 1/2, avd pool first and last, a batch of two images explaining different classes.
 * The model is loaded as the program loads it, batch norm folded.
 */
class CamParityTest {
    /** Of each image's map, relative to its largest value. */
    private static final double TOLERANCE = 1e-3;

    static Stream<JsonObject> cases() throws Exception {
        JsonArray all = new Gson().fromJson(Files.readString(TestSupport.resource("cam/cases.json")), JsonArray.class);
        return StreamSupport.stream(all.spliterator(), false).map(JsonElement::getAsJsonObject);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rawMapsMatchPyTorch(JsonObject testCase) throws Exception {
        String name = testCase.get("name").getAsString();
        List<ClassChoice> choices = List.of(ClassChoice.TOP,
                ClassChoice.of(testCase.getAsJsonArray("classes").get(1).getAsInt()));
        try (NDManager manager = TestSupport.manager();
                LoadedModel model = ModelLoader.load(new ModelLoader.Request(TestSupport.resource("cam/" + name + ".safetensors"),
                        null, testCase.getAsJsonObject("config").get("avdFirst").getAsBoolean(), null, Device.cpu()))) {
            Map<String, NDArray> expected = TestSupport.decode(manager, TestSupport.resource("cam/" + name + ".expected.npz"));
            NDArray input = expected.get("input");
            float[] logits = expected.get("logits").toFloatArray();
            List<String> worst = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (JsonElement t : testCase.getAsJsonArray("targets")) {
                for (JsonElement m : testCase.getAsJsonArray("methods")) {
                    String target = t.getAsString();
                    CamMethod method = CamMethod.parse(m.getAsString());
                    CamResult result = CamService.compute(model, input, target, choices, method);
                    NDArray reference = expected.get(target + "." + m.getAsString());
                    String what = name + " " + target + " " + method.cliName();
                    assertEquals(reference.getShape().get(1), result.height(), what);
                    assertEquals(reference.getShape().get(2), result.width(), what);
                    float[] want = reference.toFloatArray();
                    int plane = result.height() * result.width();
                    for (int n = 0; n < 2; n++) {
                        CamResult.Explained used = result.classes().get(n);
                        assertEquals(testCase.getAsJsonArray("classes").get(n).getAsInt(), used.index(), what);
                        assertEquals(logits[n * 10 + used.index()], used.logit(), 1e-4, what);
                        double relative = relative(want, result.maps(), n * plane, plane);
                        worst.add(String.format("%s[%d] %.1e", what, n, relative));
                        if (relative > TOLERANCE) {
                            failures.add(String.format("%s image %d: %.2e of the peak", what, n, relative));
                        }
                    }
                }
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
            System.out.println("CamParityTest " + name + ": " + worst.stream()
                    .max((a, b) -> Double.compare(Double.parseDouble(a.substring(a.lastIndexOf(' '))),
                            Double.parseDouble(b.substring(b.lastIndexOf(' '))))).orElseThrow());
        }
    }

    /** max |want − got| / max |want| over one image's map. */
    private static double relative(float[] want, float[] got, int from, int length) {
        double peak = 0;
        double diff = 0;
        for (int i = from; i < from + length; i++) {
            peak = Math.max(peak, Math.abs(want[i]));
            diff = Math.max(diff, Math.abs(want[i] - got[i]));
        }
        assertTrue(peak > 0, "a reference map that is all zero tests nothing");
        return diff / peak;
    }
}
