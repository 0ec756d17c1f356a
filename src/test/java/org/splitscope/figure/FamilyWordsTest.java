package org.splitscope.figure;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.view.depth.DepthFigure;
import org.splitscope.view.walkthrough.WalkthroughFigure;
import org.splitscope.view.walkthrough.WalkthroughStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitscope.SplitScopeException;
import org.splitscope.TestSupport;
import org.splitscope.view.depth.DepthProfile;
import org.splitscope.view.walkthrough.Walkthrough;
import org.splitscope.app.blocks.BlockInfo;
import org.splitscope.app.blocks.BlocksViewModel;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.capture.InternalsCapture;
import org.splitscope.capture.Interventions;
import org.splitscope.runtime.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.model.AttentionWords;
import org.splitscope.model.Mechanism;
import org.splitscope.render.Colormap;
import org.splitscope.render.Raster;

/**
 * Every per-image view, the walkthrough, the block list and the interventions word SE, ECA and SK
 * blocks by their mechanism (gate, paths 3×3 / 3×3 dilation 2, sigmoid, softmax over paths), never
 * as splits or an r-softmax — read from the figures' placed text, on the family's small random-weight
 * parity fixtures.
 */
class FamilyWordsTest {
    private static final FigureStyle SCREEN = FigureStyle.screen(false);
    private static final String BLOCK = "layer2.0";

    private static LoadedModel load(String name) throws SplitScopeException {
        return ModelLoader.load(new ModelLoader.Request(TestSupport.resource("parity/family/" + name + ".safetensors"),
                null, false, null, Engines.device("cpu")));
    }

    private static Sample sample(LoadedModel model) throws SplitScopeException {
        return Samples.load(Path.of("resources/samples/photos/astronaut.png"), model.preprocessing()).get(0);
    }

    /** The text of every per-image view of {@link #BLOCK}, with its split maps. */
    private static CaptureResult c(LoadedModel model) throws SplitScopeException {
        return CaptureService.capture(model, List.of(sample(model)), Set.of());
    }

    private static List<String> texts(LoadedModel model) throws SplitScopeException {
        return texts(model, true);
    }

    private static List<String> texts(LoadedModel model, boolean walkthrough) throws SplitScopeException {
        CaptureResult c = CaptureService.capture(model, List.of(sample(model)), Set.of(BLOCK));
        Raster input = new Raster(8, 8, new int[64]);
        List<String> out = new ArrayList<>();
        for (ViewSpec v : List.of(Views.HEATMAPS, Views.SPLITBARS, Views.FEATUREMAPS, Views.GAP, Views.DEPTH)) {
            FigureRequest r = FigureRequest.of(v, BLOCK, 0, 0, Colormap.VIRIDIS);
            Draw.placedText(r.draw(c.block(BLOCK), c.blocks(), input, 1200, SCREEN)).forEach(t -> out.add(t.text()));
        }
        if (!walkthrough) {
            return out;
        }
        InternalsCapture.Result inner = InternalsCapture.run(model, sample(model), BLOCK, () -> false,
                Interventions.NONE);
        Walkthrough w = Walkthrough.of(inner.block(), inner.internals(), 0, 0);
        for (WalkthroughStep step : WalkthroughStep.values()) {
            Draw.placedText(WalkthroughFigure.draw(w, new WalkthroughFigure.Options(Colormap.VIRIDIS, step), 1200,
                    SCREEN)).forEach(t -> out.add(t.text()));
        }
        return out;
    }

    private static boolean any(List<String> texts, String part) {
        return texts.stream().anyMatch(t -> t.contains(part));
    }

    @Test
    void seViewsSayGateAndSigmoidNeverSplit() throws Exception {
        try (LoadedModel model = load("se_bottleneck_7x7")) {
            assertEquals(Mechanism.SE, AttentionWords.of(model.network().blocks().get(0)).mechanism());
            List<String> t = texts(model);
            assertTrue(any(t, "Gate g(c) of " + BLOCK + " (squeeze-excitation, sigmoid)"), t.toString());
            assertTrue(any(t, "Gated map Σ_c g(c)·X(c,h,w)"), t.toString());
            assertTrue(any(t, "s: the pooled pre-gate map X, input of fc1"), t.toString());
            assertTrue(any(t, "X (pre-gate map)"), t.toString());
            assertTrue(any(t, "Depth profile · squeeze-excitation, sigmoid gates"), t.toString());
            assertTrue(any(t, "Squeeze-excitation in " + BLOCK), t.toString());
            assertTrue(any(t, "Excite X·g"), t.toString());
            assertTrue(any(t, "· gate g = ") && any(t, "X·g(c) mean"), t.toString());
            AttentionWords w = c(model).block(BLOCK).words();
            assertEquals("g(c) = σ(l(c)) = 1 / (1 + exp(−l(c)))", WalkthroughStep.SOFTMAX.formula(w));
            for (String wrong : List.of("r-softmax", "split r", "Split contributions", "s^k", "U_r", "per split")) {
                assertFalse(any(t, wrong), wrong + " in an SE block's views: " + t);
            }
        }
    }

    @Test
    void ecaWalkthroughHasNoHiddenLayer() throws Exception {
        try (LoadedModel model = load("eca_basic_7x7")) {
            // the walkthrough follows the 1-d conv where SE has fc1/fc2 (its numbers: EcaWalkthroughTest)
            AttentionWords w = c(model).block(BLOCK).words();
            assertEquals("1-d conv", WalkthroughStep.FC1.title(w));
            assertEquals("Logits (no fc2)", WalkthroughStep.FC2.title(w));
            assertEquals("sigmoid", WalkthroughStep.SOFTMAX.title(w));
            List<String> t = texts(model);
            assertTrue(any(t, "s: the pooled pre-gate map X, input of the 1-d conv across channels"), t.toString());
            assertTrue(any(t, "1-d conv") && !any(t, "fc1 + ReLU"), t.toString());
            assertTrue(any(t, "Gate g(c) of " + BLOCK + " (efficient channel attention, sigmoid)"), t.toString());
            assertFalse(any(t, "r-softmax"), t.toString());
        }
    }

    @Test
    void skViewsSayPathsWithTheirKernelsAndSoftmaxOverPaths() throws Exception {
        try (LoadedModel model = load("sk_bottleneck_nosplit")) {
            List<String> t = texts(model);
            assertTrue(any(t, "(selective kernel, softmax over paths): paths (3×3, 3×3 dilation 2) × channels"),
                    t.toString());
            assertTrue(any(t, "path 1 (3×3 dilation 2)"), t.toString());
            assertTrue(any(t, "Path contributions Σ_c a_m(c)·U_m(c,h,w)"), t.toString());
            assertTrue(any(t, "uniform 1/M"), t.toString());
            assertTrue(any(t, "s = GAP(Σ_m U_m)") || any(t, "s: the pooled sum of the paths"), t.toString());
            assertTrue(any(t, "path preference: mean a_m over channels"), t.toString());
            assertTrue(any(t, "Selective kernel in " + BLOCK + " · M = 2"), t.toString());
            assertTrue(any(t, "Select logits"), t.toString());
            assertTrue(any(t, "softmax over paths"), t.toString());
            for (String wrong : List.of("r-softmax", "split r", "Split contributions", "s^k", "uniform 1/R")) {
                assertFalse(any(t, wrong), wrong + " in an SK block's views: " + t);
            }
        }
    }

    @Test
    void blockListAndInterventionErrorsUseTheMechanism() throws Exception {
        try (LoadedModel se = load("se_bottleneck_7x7"); LoadedModel sk = load("sk_bottleneck_nosplit")) {
            var seBlock = se.network().blocks().get(0);
            BlockInfo seInfo = new BlockInfo(seBlock.name(), 1, 1, 1, seBlock.channels(), 0.5,
                    AttentionWords.of(seBlock));
            assertTrue(BlocksViewModel.barTooltip(seInfo).contains("binary entropy of the squeeze-excitation sigmoid "
                    + "gate"), BlocksViewModel.barTooltip(seInfo));
            var skBlock = sk.network().blocks().stream().filter(b -> b.radix() == 2).findFirst().orElseThrow();
            BlockInfo skInfo = new BlockInfo(skBlock.name(), 1, 2, 1, skBlock.channels(), 0.5,
                    AttentionWords.of(skBlock));
            assertTrue(BlocksViewModel.barTooltip(skInfo).contains("2 paths (3×3, 3×3 dilation 2), softmax over "
                    + "paths, H / ln M"), BlocksViewModel.barTooltip(skInfo));

            SplitScopeException path = assertThrows(SplitScopeException.class,
                    () -> Interventions.parse(List.of(BLOCK + "=scale:2:0.5"), sk.network()));
            assertTrue(path.getMessage().contains("path 2 does not exist: " + BLOCK + " has M = 2 selective-kernel "
                    + "paths (0 … 1)"), path.getMessage());
            SplitScopeException gate = assertThrows(SplitScopeException.class,
                    () -> Interventions.parse(List.of(BLOCK + "=scale:1:2"), se.network()));
            assertTrue(gate.getMessage().contains("squeeze-excitation gate, one sigmoid per channel: scale:0:F"),
                    gate.getMessage());
            SplitScopeException unknown = assertThrows(SplitScopeException.class,
                    () -> Interventions.parse(List.of("layer9.9=uniform"), se.network()));
            assertTrue(unknown.getMessage().contains("no attention block 'layer9.9'"), unknown.getMessage());
        }
    }

    @Test
    void depthProfileOfSkNamesEachPath() throws Exception {
        try (LoadedModel model = load("sk_bottleneck_nosplit")) {
            CaptureResult c = CaptureService.capture(model, List.of(sample(model)), Set.of());
            DepthProfile d = DepthProfile.of(c.blocks(), 0);
            String hover = DepthFigure.describe(d, new DepthFigure.Point(0, c.blocks().get(0).name()));
            assertTrue(hover.contains("M = 2 paths") && hover.contains("path 1 (3×3 dilation 2): "), hover);
            BlockCapture b = c.blocks().get(0);
            assertEquals("softmax over paths", b.words().function());
        }
    }
}
