package org.splitscope.view.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.InternalsCapture;
import org.splitscope.capture.Interventions;
import org.splitscope.cli.CliRunner;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.figure.Draw;
import org.splitscope.figure.FigureStyle;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.render.Colormap;
import org.splitscope.runtime.Engines;
import org.splitscope.view.featuremaps.FeatureMaps;

/**
 * The walkthrough of an ECA block: squeeze s, the 1-d conv of kernel k across neighbouring channels
 * (the step where SE has fc1 + ReLU and fc2), the sigmoid gate and the excitation X·g, every number
 * checked against the checkpoint's kernel and the block's capture.
 */
class EcaWalkthroughTest {
    private static final String MODEL = "parity/family/eca_basic_7x7.safetensors";
    private static final String BLOCK = "layer2.0";

    @Test
    void followsOneChannelThroughTheOneDConvAndTheGate() throws Exception {
        Path file = TestSupport.resource(MODEL);
        float[] kernel;
        try (NDManager m = TestSupport.manager()) {
            kernel = TestSupport.decode(m, file).get(BLOCK + ".se.conv.weight").toFloatArray();
        }
        try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(file, null, false, null,
                Engines.device("cpu")))) {
            Sample sample = Samples.load(Path.of("resources/samples/photos/astronaut.png"), model.preprocessing()).get(0);
            InternalsCapture.Result result = InternalsCapture.run(model, sample, BLOCK, () -> false, Interventions.NONE);
            BlockCapture b = result.block();
            int k = kernel.length;
            assertTrue(k >= 3 && k % 2 == 1, "ECA's kernel is odd: " + k);
            for (int c : new int[] {0, b.channels() / 2, b.channels() - 1}) { // both ends meet the padding
                Walkthrough w = Walkthrough.of(b, result.internals(), 0, c);
                assertTrue(w.eca());
                assertEquals(List.of(1, 1), List.of(w.radix(), w.cardinality()));
                assertEquals(k, w.hiddenChannels(), "the 1-d conv's k weights where SE has fc1");
                for (int j = 0; j < k; j++) {
                    assertEquals(kernel[j], w.hidden()[j], 0, "w_" + j + " is the checkpoint's");
                }
                double logit = 0;
                for (int j = 0; j < k; j++) {
                    int at = c + j - (k - 1) / 2;
                    float s = at >= 0 && at < b.channels() ? b.gap()[at] : 0f;
                    assertEquals(s, w.window()[j], 0, "s around c, zero past the ends");
                    logit += kernel[j] * s;
                }
                assertEquals(logit, w.logits()[0], 1e-5, "l(c) = Σ_j w_j s_{c+j−(k−1)/2}");
                float gate = b.attention(0, 0, 0, c);
                assertEquals(gate, w.weights()[0], 0, "g(c) is the capture's gate");
                assertEquals(1 / (1 + Math.exp(-logit)), gate, 1e-5, "g(c) = σ(l(c))");
                float[] x = FeatureMaps.map(b, 0, 0, c);
                for (int i = 0; i < x.length; i++) {
                    assertEquals(gate * x[i], w.fusedChannel()[i], 1e-5, "Y_c = g(c) · X_c");
                }
            }

            // every step drawn, worded for ECA: no fc1/fc2, no hidden z, no splits or softmax over them
            Walkthrough w = Walkthrough.of(b, result.internals(), 0, 5);
            List<String> text = new ArrayList<>();
            for (WalkthroughStep step : WalkthroughStep.values()) {
                Draw.placedText(WalkthroughFigure.draw(w, new WalkthroughFigure.Options(Colormap.VIRIDIS, step), 1200,
                        FigureStyle.screen(false))).forEach(t -> text.add(t.text()));
            }
            String all = String.join(" | ", text);
            for (String want : List.of("Squeeze s", "1-d conv", "Logits (no fc2)", "sigmoid", "Excite X·g",
                    "k = " + k + " · w = ", "s(" + (5 - (k - 1) / 2) + " … " + (5 + (k - 1) / 2) + ") → l(5)")) {
                assertTrue(all.contains(want), want + " missing: " + all);
            }
            for (String wrong : List.of("fc1 + ReLU", "z: ", "r-softmax", "U_r", "split r")) {
                assertFalse(all.contains(wrong), wrong + " in an ECA walkthrough: " + all);
            }
        }
    }

    @Test
    void theFigureCommandDrawsAnEcaWalkthrough(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("eca.svg");
        CliRunner.Run run = CliRunner.run("figure", "--view", "walkthrough", "--model",
                TestSupport.resource(MODEL).toString(), "--input", "resources/samples/photos/astronaut.png", "--block",
                BLOCK, "--step", "fc1", "--channel", "5", "--out", svg.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.readString(svg).contains("1-d conv"), "the ECA step's title");
    }
}
