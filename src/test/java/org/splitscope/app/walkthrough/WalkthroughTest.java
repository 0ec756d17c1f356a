package org.splitscope.app.walkthrough;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.view.walkthrough.Walkthrough;
import org.splitscope.app.Explorers;
import org.splitscope.app.TestModels;
import org.splitscope.app.main.MainViewModel;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.InternalsCapture;
import org.splitscope.cli.CliRunner;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Hit;
import org.splitscope.view.walkthrough.WalkthroughFigure;
import org.splitscope.view.walkthrough.WalkthroughStep;

/**
 * The walkthrough of a block (test model: R = 2, K = 2, so the radix-/cardinal-major layout matters):
 * its numbers are the session capture's, its logits give the attention through the r-softmax, its
 * figure answers the mouse where it draws, and the figure command writes it or says why not.
 */
class WalkthroughTest {

    @Test
    void followsOneChannelThroughTheBlockWithTheCapturesNumbers() throws Exception {
        try (var e = Explorers.started()) {
            var session = e.vm().session();
            WalkthroughViewModel vm = e.vm().walkthrough();
            assertEquals(null, vm.capturedProperty().get(), "no extra forward while the view is not shown");
            e.vm().viewProperty().set(Views.WALKTHROUGH);
            InternalsCapture.Result result = vm.capturedProperty().get();
            assertNotNull(result, "captured on showing the view");
            String name = session.blockProperty().get();
            assertEquals(name, result.internals().name());
            BlockCapture plain = session.capture().block(name);
            int radix = plain.radix();
            int k = plain.cardinality();
            int per = plain.groupChannels();
            assertTrue(radix == 2 && k == 2, "the test model has R = 2, K = 2");

            int c = per + 3; // group 1, so group-major and split-major positions differ
            vm.click(new WalkthroughFigure.Channel(c));
            Walkthrough w = vm.walkthrough();
            assertEquals(c, w.channel());
            assertEquals(1, w.group());
            assertEquals(plain.gap()[c], w.gapValue(), 0, "s_c is the capture's GAP");
            float[] logits = result.internals().logits();
            double norm = 0;
            for (int r = 0; r < radix; r++) {
                norm += Math.exp(logits[(1 * radix + r) * per + 3]); // fc2's flat output: (k, r, j)
            }
            for (int r = 0; r < radix; r++) {
                float a = plain.attention(0, r, 1, 3);
                assertEquals(a, w.weights()[r], 0, "a_r(c) is the capture's attention");
                assertEquals(Math.exp(logits[(1 * radix + r) * per + 3]) / norm, a, 1e-5,
                        "softmax over r of fc2's logits at (k, r, j) is a_r(c)");
                assertEquals(logits[(radix + r) * per + 3], w.logits()[r], 0);
                Walkthrough.Index at = w.layout().get(r);
                assertEquals((r * k + 1) * per + 3, at.attention());
                assertEquals(plain.attention()[at.attention()], a, 0, "where the attention reads it");
                assertEquals(r * plain.channels() + c, at.splitChannel());
            }
            // read radix-major, fc2's output would give other weights: the step the layout has of its own
            assertNotEquals(logits[(1 * radix) * per + 3], logits[per + 3]);

            float[] v = FeatureMaps.map(plain, 0, FeatureMaps.FUSED, c);
            float[] u0 = FeatureMaps.map(plain, 0, 0, c);
            float[] u1 = FeatureMaps.map(plain, 0, 1, c);
            for (int i = 0; i < v.length; i++) {
                assertEquals(v[i], w.fusedChannel()[i], 1e-6, "V channel c is the capture's");
                assertEquals(v[i], w.weights()[0] * u0[i] + w.weights()[1] * u1[i], 1e-5, "V_c = Σ_r a_r(c) U_r(c)");
                assertEquals(u0[i] + u1[i], w.sum()[0][i], 1e-6, "Û = Σ_r U_r");
            }
            assertEquals(plain.channels() * plain.height() * plain.width() * radix, plain.splits().length);

            // steps: Next / Previous stop at the ends, a stage box goes to its step
            vm.previous();
            assertEquals(WalkthroughStep.INPUT, vm.stepProperty().get());
            for (int i = 0; i < 20; i++) {
                vm.next();
            }
            assertEquals(WalkthroughStep.CONCAT, vm.stepProperty().get());
            vm.click(WalkthroughStep.LAYOUT);
            assertEquals(WalkthroughStep.LAYOUT, vm.stepProperty().get());

            // another block: captured again, the channel kept while it exists
            String other = session.attentionBlocks().stream().map(b -> b.name()).filter(n -> !n.equals(name))
                    .findFirst().orElseThrow();
            session.blockProperty().set(other);
            assertEquals(other, vm.capturedProperty().get().internals().name());
            assertTrue(e.problems().isEmpty(), e.problems().toString());
        }
    }

    @Test
    void stageBoxesAndChannelsAnswerWhereTheyAreDrawn() throws Exception {
        try (var e = Explorers.started()) {
            e.vm().viewProperty().set(Views.WALKTHROUGH);
            WalkthroughViewModel vm = e.vm().walkthrough();
            vm.stepProperty().set(WalkthroughStep.GAP);
            Walkthrough w = vm.walkthrough();
            FigureStyle style = FigureStyle.screen(false);
            Drawing d = vm.draw(1100, style);
            WalkthroughFigure.Layout l = WalkthroughFigure.layout(w, 1100, style);
            BufferedImage image = FigureFiles.image(d, 72);
            for (WalkthroughStep s : WalkthroughStep.values()) {
                Rectangle2D box = l.boxes().get(s.ordinal());
                assertEquals(s, d.hit(box.getX() + 3, box.getY() + 3), "the corner of box " + s);
            }
            assertTrue(l.boxes().get(1).getY() == l.boxes().get(0).getY(), "left to right");
            // the highlighted box is framed in the accent colour, the others are not
            int accent = style.accent().getRGB() & 0xFFFFFF;
            Rectangle2D gapBox = l.boxes().get(WalkthroughStep.GAP.ordinal());
            Rectangle2D other = l.boxes().get(WalkthroughStep.FC1.ordinal());
            assertEquals(accent, image.getRGB((int) gapBox.getCenterX(), (int) gapBox.getY()) & 0xFFFFFF);
            assertNotEquals(accent, image.getRGB((int) other.getCenterX(), (int) other.getY()) & 0xFFFFFF);
            // every channel of the GAP strip and of the attention matrix picks that channel
            for (WalkthroughStep s : List.of(WalkthroughStep.GAP, WalkthroughStep.ATTENTION)) {
                Hit strip = d.hits().stream().filter(h -> h.columns() == w.channels()
                        && h.area().equals(l.pictures().get(s.ordinal()))).findFirst().orElseThrow();
                for (int c = 0; c < w.channels(); c++) {
                    Point2D p = strip.centre(c, 0);
                    assertEquals(new WalkthroughFigure.Channel(c), d.hit(p.getX(), p.getY()));
                }
                assertTrue(l.boxes().get(s.ordinal()).contains(l.pictures().get(s.ordinal())));
            }
            Point2D chosen = d.hits().get(d.hits().size() - 2).centre(5, 0);
            vm.click(d.hit(chosen.getX(), chosen.getY()));
            assertEquals(5, vm.channelProperty().get());
            assertTrue(vm.readout(new WalkthroughFigure.Channel(5)).startsWith("c = 5 "));
            // the channel's bar in the GAP strip is drawn in the accent colour
            Drawing again = vm.draw(1100, style);
            Hit strip = again.hits().get(again.hits().size() - 2);
            Point2D bar = strip.centre(5, 0);
            BufferedImage painted = FigureFiles.image(again, 72);
            double bottom = strip.area().getMaxY() - 2;
            assertEquals(accent, painted.getRGB((int) bar.getX(), (int) bottom) & 0xFFFFFF, "c's GAP bar");
        }
    }

    @Test
    void theFigureCommandWritesTheWalkthroughOrOneErrorLine(@TempDir Path dir) throws Exception {
        String model = TestModels.gray28().toString();
        String image = TestModels.image().toString();
        Path svg = dir.resolve("walk.svg");
        CliRunner.Run run = CliRunner.run("figure", "--view", "walkthrough", "--model", model, "--input", image,
                "--step", "layout", "--channel", "5", "--out", svg.toString());
        assertEquals(0, run.status(), run.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("Step 8 of 12") || text.contains("Layout"), "the figure's text");
        for (List<String> bad : List.of(List.of("--step", "13"), List.of("--step", "nope"), List.of("--channel", "-1"),
                List.of("--channel", "99999"))) {
            Path out = dir.resolve("bad.png");
            CliRunner.Run r = CliRunner.run("figure", "--view", "walkthrough", "--model", model, "--input", image,
                    bad.get(0), bad.get(1), "--out", out.toString());
            assertEquals(2, r.status(), bad + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, bad + ": " + r.err());
            assertFalse(Files.exists(out), bad + ": no file");
        }
    }
}
