package org.splitscope.view.interventions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitscope.bundled.BundledModels;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.Intervention;
import org.splitscope.capture.Prediction;
import org.splitscope.runtime.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;

/** What the window calls: one image before and after, on the bundled default model (radix 2). */
class InterventionsCompareTest {
    @Test
    void comparesOneImageBeforeAndAfterWithTheAttentionUsed() throws Exception {
        try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(BundledModels.defaultModel(), null, false,
                null, Engines.device("cpu")))) {
            Sample sample = Samples.load(Path.of("resources/samples/fashion-mnist/coat-0006.png"),
                    model.preprocessing()).get(0);
            InterventionResult r = InterventionRunner.compare(model, sample,
                    List.of(Intervention.parse("layer3.0=onehot:0")), Set.of("layer3.0"), () -> false);

            BlockCapture forced = r.after().block("layer3.0");
            BlockCapture plain = r.before().block("layer3.0");
            for (int c = 0; c < forced.groupChannels(); c++) {
                assertEquals(1f, forced.attention(0, 0, 0, c));
                assertEquals(0f, forced.attention(0, 1, 0, c));
            }
            assertTrue(forced.hasSplits() && plain.hasSplits(), "split maps as asked, in both");
            assertArrayEquals(plain.splits(), forced.splits(), "U_r comes before the intervention");
            assertFalse(java.util.Arrays.equals(plain.fused(), forced.fused()), "V = U_0 now");
            assertArrayEquals(r.before().block("layer2.1").attention(), r.after().block("layer2.1").attention());

            float[] delta = r.deltaLogits();
            float[] before = r.before().logits(0);
            float[] after = r.after().logits(0);
            double[] dp = r.deltaProbabilities();
            double sum = 0;
            for (int i = 0; i < delta.length; i++) {
                assertEquals(after[i] - before[i], delta[i]);
                sum += dp[i];
            }
            assertEquals(0, sum, 1e-9, "probability moves between classes");
            assertTrue(Math.abs(delta[r.topBefore().get(0).index()]) > 1e-4, "the intervention matters");
            assertEquals(Prediction.top(after, 5, model.labels()), r.topAfter());
            assertEquals(5, r.topBefore().size());

            InterventionResult same = InterventionRunner.compare(model, sample, List.of(Intervention.parse("all=scale:1:1")));
            assertArrayEquals(same.before().logits(), same.after().logits(), "scale by 1: the plain network");
            assertFalse(same.topChanged());
        }
    }
}
