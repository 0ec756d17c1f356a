package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.TestSupport;

/**
 * Checkpoints written by the published code's own modules (the official ResNeSt repository's ResNet /
 * SplAtConv2d and timm's ResNet / ResNestBottleneck / SplitAttn, see
 * {@code src/test/python/make_published_fixtures.py}) with the stem every published ResNeSt has —
 * deep, stride 2, max-pool — in each format they ship in (official: zip and legacy .pth; timm:
 * model.safetensors and pytorch_model.bin), captured through the CLI as a user would and compared
 * with what PyTorch computed through those modules.
 */
class PublishedCodeParityTest {
    /** PyTorch and libtorch through DJL agree to float rounding; a wrong op misses by far more. */
    private static final float TOLERANCE = 1e-4f;

    @TempDir
    Path temp;

    static Stream<Arguments> files() throws Exception {
        JsonArray cases = new Gson().fromJson(Files.readString(TestSupport.resource("published/cases.json")), JsonArray.class);
        List<Arguments> out = new ArrayList<>();
        for (JsonElement c : cases) {
            JsonObject o = c.getAsJsonObject();
            for (JsonElement f : o.getAsJsonArray("files")) {
                out.add(Arguments.of(f.getAsString(), o));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void captureThroughTheCliMatchesThePublishedModules(String file, JsonObject entry) throws Exception {
        String name = entry.get("name").getAsString();
        Path out = temp.resolve("out");
        List<String> args = new ArrayList<>(List.of("capture", "--model", TestSupport.resource("published/" + file).toString(),
                "--input", TestSupport.resource("published/" + name + ".input.npy").toString(),
                "--out", out.toString(), "--batch", "2", "--device", "cpu"));
        if (entry.get("avdFirst").getAsBoolean()) {
            args.add("--avd-first"); // the one thing the weights cannot show
        }
        CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());

        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> got = TestSupport.decode(manager, out.resolve("capture.npz"));
            Map<String, NDArray> expected = TestSupport.decode(manager, TestSupport.resource("published/" + name + ".expected.npz"));
            int blocks = entry.getAsJsonArray("blocks").size();
            assertEquals(1 + 2 * blocks, expected.size(), "fixture: logits + attention/gap per block");
            for (Map.Entry<String, NDArray> e : expected.entrySet()) {
                String key = e.getKey();
                assertTrue(got.containsKey(key), "capture.npz lacks " + key + "; has " + got.keySet());
                assertEquals(e.getValue().getShape(), got.get(key).getShape(), key);
                float diff = TestSupport.maxAbsDiff(e.getValue().toFloatArray(), got.get(key).toFloatArray());
                assertTrue(diff <= TOLERANCE, file + ": " + key + " differs by " + diff);
            }
            assertEquals(expected.size(), got.size(), "capture.npz has exactly logits + attention/gap per block");
        }
        JsonObject json = new Gson().fromJson(Files.readString(out.resolve("capture.json")), JsonObject.class);
        JsonObject config = json.getAsJsonObject("model").getAsJsonObject("config");
        assertEquals(2, config.get("stemStride").getAsInt(), "the published stem: stride 2");
        assertTrue(config.get("stemPool").getAsBoolean(), "the published stem: max-pool");
        assertTrue(config.get("deepStem").getAsBoolean(), "the published stem: deep");
        assertEquals(entry.getAsJsonObject("module").get("radix").getAsInt(), config.get("radix").getAsInt());
    }
}
