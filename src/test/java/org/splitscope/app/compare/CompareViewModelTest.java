package org.splitscope.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.view.compare.AttentionComparison;
import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.app.Explorers;
import org.splitscope.app.session.ImageItem;
import org.splitscope.capture.BlockCapture;
import org.splitscope.cli.CliRunner;
import org.splitscope.figure.BlockChart;
import org.splitscope.view.compare.CompareFigure;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFilesTest;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Hit;

/** Two images side by side and one at three scales: the numbers are the captures', clicks select blocks. */
class CompareViewModelTest {

    @Test
    void comparesTheCurrentImageWithASecondAndAtThreeScales(@TempDir Path dir) throws Exception {
        try (var e = Explorers.started()) {
            CompareViewModel vm = e.vm().compare();
            var session = e.vm().session();
            List<ImageItem> strip = vm.strip();
            assertTrue(strip.size() >= 2);
            ImageItem second = strip.stream().filter(i -> i != session.imageProperty().get()).findFirst().orElseThrow();
            vm.otherProperty().set(second);
            List<BlockCapture> b = vm.otherBlocksProperty().get();
            assertNotNull(b);
            List<BlockCapture> a = session.capture().result().blocks();
            String block = session.blockProperty().get();
            AttentionComparison c = AttentionComparison.of("a", a, "b", b, block);
            int j = c.blocks().indexOf(block);
            float[] wa = AttentionMatrix.of(a.get(j), 0).weights();
            float[] wb = AttentionMatrix.of(b.get(j), 0).weights();
            double mean = 0;
            for (int i = 0; i < wa.length; i++) {
                assertEquals(wb[i] - wa[i], c.difference().weights()[i], 1e-7);
                mean += Math.abs(wb[i] - wa[i]) / wa.length;
            }
            assertEquals(mean, c.distance()[j], 1e-9);
            assertTrue(mean > 0, "two different images");

            // the depth chart: every block's column selects that block
            Drawing d = vm.draw(800, FigureStyle.screen(false));
            Hit chart = d.hits().stream().filter(h -> h.columns() == c.blocks().size() && h.rows() == 1)
                    .reduce((x, y) -> y).orElseThrow();
            for (int k = 0; k < c.blocks().size(); k++) {
                Point2D p = chart.centre(k, 0);
                Object target = d.hit(p.getX(), p.getY());
                assertEquals(new BlockChart.Point(k), target);
                vm.click(target);
                assertEquals(c.blocks().get(k), session.blockProperty().get());
            }
            Point2D cell = d.hits().get(0).centre(0, 0);
            assertInstanceOf(CompareFigure.Cell.class, d.hit(cell.getX(), cell.getY()));
            assertTrue(vm.readout(d.hit(cell.getX(), cell.getY())).contains("Δ"));

            // the scale experiment
            vm.modeProperty().set(CompareViewModel.Mode.SCALES);
            assertNotNull(vm.scalesProperty().get());
            assertEquals(3, vm.scalesProperty().get().scales().size());
            var export = e.vm().export();
            export.formatProperty().set(FigureFormat.PNG);
            List<Path> written = new ArrayList<>();
            assertTrue(export.saveFigure(vm, dir.resolve("scales.png"), true, p -> false, written::add));
            assertEquals("compare", FigureFilesTest.pngText(dir.resolve("scales.png")).get("View"));
            assertEquals(List.of(), e.problems());
        }
    }

    @Test
    void theFigureCommandDrawsTheSameComparison(@TempDir Path dir) throws Exception {
        Path samples = Path.of("resources/samples/fashion-mnist");
        List<Path> images;
        try (var files = Files.list(samples)) {
            images = files.filter(p -> p.toString().endsWith(".png")).sorted().limit(2).toList();
        }
        Path svg = dir.resolve("compare.svg");
        CliRunner.Run run = CliRunner.run("figure", "--view", "compare", "--input", images.get(0).toString(), "--compare",
                images.get(1).toString(), "--block", "layer2.0", "--out", svg.toString());
        assertEquals(0, run.status(), run.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("Difference") && text.contains("Mean |Δa| per block"), "the figure's text");
        // an SE model's weights are gates g, never split weights a
        Path se = dir.resolve("compare-se.svg");
        CliRunner.Run gate = CliRunner.run("figure", "--view", "compare", "--model", "fmnist-se1x64d", "--input",
                images.get(0).toString(), "--compare", images.get(1).toString(), "--block", "layer2.0", "--out",
                se.toString());
        assertEquals(0, gate.status(), gate.err());
        String seText = Files.readString(se);
        assertTrue(seText.contains("Mean |Δg| per block") && seText.contains("Difference g("), "gate words");
        assertFalse(seText.contains("Δa"), "no split weight a for a gate");
        CliRunner.Run neither = CliRunner.run("figure", "--view", "compare", "--input", images.get(0).toString(), "--out",
                dir.resolve("x.svg").toString());
        assertEquals(2, neither.status());
        assertTrue(neither.err().startsWith("error: --view compare needs"), neither.err());
        assertTrue(!Files.exists(dir.resolve("x.svg")));
    }
}
