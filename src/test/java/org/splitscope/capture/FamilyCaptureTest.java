package org.splitscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.SplitScopeException;
import org.splitscope.TestSupport;
import org.splitscope.cli.CliRunner;
import org.splitscope.runtime.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.view.interventions.InterventionResult;
import org.splitscope.view.interventions.InterventionRunner;
import org.splitscope.model.ResNeSt;

/**
 * SE and SK blocks through capture, capture.json and interventions: the gate layout [N, R, K, C/K],
 * uniform as gate 1 (SE) or 1/M (SK), one path alone for SK, and a clear error for one split of a gate.
 */
class FamilyCaptureTest {
    @TempDir
    Path temp;

    private static Path fixture(String name) {
        return TestSupport.resource("parity/family/" + name + ".safetensors");
    }

    private static LoadedModel load(String name) throws SplitScopeException {
        return ModelLoader.load(new ModelLoader.Request(fixture(name), null, false, null, Engines.device("cpu")));
    }

    private static Sample sample(LoadedModel model) throws SplitScopeException {
        return Samples.load(Path.of("resources/samples/photos/astronaut.png"), model.preprocessing()).get(0);
    }

    @Test
    void skUniformSharesThePathsAndOnePathAloneIsThatPath() throws Exception {
        try (LoadedModel model = load("sk_bottleneck_nosplit")) {
            InterventionResult uniform = InterventionRunner.compare(model, sample(model),
                    List.of(Intervention.parse("layer2.0=uniform")), Set.of("layer2.0"), () -> false);
            BlockCapture b = uniform.after().block("layer2.0");
            assertEquals(2, b.radix());
            for (float a : b.attention()) {
                assertEquals(0.5f, a);
            }
            int hw = b.height() * b.width();
            for (int i = 0; i < b.channels() * hw; i += 5) {
                float mean = (b.splits()[i] + b.splits()[b.channels() * hw + i]) / 2;
                assertEquals(mean, b.fused()[i], 1e-5, "V = mean of the two paths");
            }
            InterventionResult second = InterventionRunner.compare(model, sample(model),
                    List.of(Intervention.parse("layer2.0=onehot:1")), Set.of("layer2.0"), () -> false);
            BlockCapture p = second.after().block("layer2.0");
            float[] path1 = java.util.Arrays.copyOfRange(p.splits(), p.channels() * hw, 2 * p.channels() * hw);
            assertArrayEquals(path1, p.fused(), "V = the dilated path");
        }
    }

    @Test
    void seUniformRemovesTheGateAndOneSplitOfAGateIsRefused() throws Exception {
        try (LoadedModel model = load("se_bottleneck_7x7")) {
            InterventionResult r = InterventionRunner.compare(model, sample(model),
                    List.of(Intervention.parse("all=uniform")), Set.of("layer2.0"), () -> false);
            BlockCapture gated = r.before().block("layer2.0");
            BlockCapture open = r.after().block("layer2.0");
            assertEquals(1, open.radix());
            assertEquals(1, open.cardinality());
            for (float a : open.attention()) {
                assertEquals(1f, a);
            }
            assertArrayEquals(open.splits(), open.fused(), "gate 1: the branch passes unchanged");
            assertTrue(gated.attention()[0] > 0 && gated.attention()[0] < 1, "a sigmoid gate before");
            assertTrue(r.deltaLogits().length == 10);

            ResNeSt network = model.network();
            SplitScopeException e = assertThrows(SplitScopeException.class,
                    () -> Interventions.of(List.of(Intervention.parse("layer3.0=onehot:0")), network));
            assertTrue(e.getMessage().contains("squeeze-excitation gate") && e.getMessage().contains("uniform"),
                    e.getMessage());
            Interventions.of(List.of(Intervention.parse("layer3.0=scale:0:0.5")), network); // meaningful: gate × ½
        }
    }

    @Test
    void captureJsonNamesTheMechanismAndSkPaths() throws Exception {
        Path out = temp.resolve("out");
        CliRunner.Run run = CliRunner.run("capture", "--model", fixture("sk_basic_split").toString(), "--input",
                "resources/samples/photos/astronaut.png", "--splits", "layer2.0", "--out", out.toString(),
                "--device", "cpu");
        assertEquals(0, run.status(), run.err());
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("capture.json"))).getAsJsonObject();
        JsonObject block = json.getAsJsonArray("blocks").get(1).getAsJsonObject();
        assertEquals("layer2.0", block.get("name").getAsString());
        assertEquals("sk", block.get("mechanism").getAsString());
        assertEquals("layer2.0.conv1", block.get("module").getAsString());
        assertEquals("softmax over paths", block.get("gate").getAsString());
        JsonArray paths = block.getAsJsonArray("paths");
        assertEquals(2, paths.size());
        assertEquals(2, paths.get(1).getAsJsonObject().get("dilation").getAsInt());

        CliRunner.Run info = CliRunner.run("info", "--model", fixture("legacy_seresnet_bottleneck").toString(), "--device", "cpu");
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains("layer4         squeeze-excitation, sigmoid gate on 128 channels"), info.out());
        assertTrue(info.out().contains("SE-ResNet (SENet release)"), info.out());
    }
}
