package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.Explorers;
import org.splitscope.app.TestModels;
import org.splitscope.app.export.ExportViewModel;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.figure.FigureFilesTest;
import org.splitscope.figure.FigureFormat;

/** The figure command: headless, and the very figure the window's Save view as… writes. */
class FigureCommandTest {
    @TempDir
    Path temp;

    @Test
    void theCommandWritesTheSameFigureAsTheWindow() throws Exception {
        try (var e = Explorers.started()) {
            e.vm().session().blockProperty().set("layer3.0");
            e.vm().session().groupProperty().set(1);
            ExportViewModel export = e.vm().export();
            export.formatProperty().set(FigureFormat.PNG);
            export.widthProperty().set("1200px");
            export.dpiProperty().set(300);
            Map<String, FigureViewModel> views = Map.of("heatmaps", e.vm().heatmap(), "splitbars", e.vm().splitBars(),
                    "featuremaps", e.vm().featureMaps(), "gap", e.vm().gap());
            for (var view : views.entrySet()) {
                Path window = temp.resolve(view.getKey() + "-window.png");
                List<Path> written = new ArrayList<>();
                assertTrue(export.saveFigure(view.getValue(), window, true, p -> false, written::add));
                assertEquals(List.of(window), written);
                Path cli = temp.resolve(view.getKey() + "-cli.png");
                CliRunner.Run run = CliRunner.run("figure", "--model", TestModels.gray28().toString(), "--input",
                        TestModels.image().toString(), "--view", view.getKey(), "--block", "layer3.0", "--group", "1",
                        "--width", "1200px", "--dpi", "300", "--device", "cpu", "--out", cli.toString());
                assertEquals(0, run.status(), run.err());
                assertTrue(run.out().contains("1200 × "), run.out());
                BufferedImage a = ImageIO.read(window.toFile());
                BufferedImage b = ImageIO.read(cli.toFile());
                assertEquals(1200, a.getWidth());
                assertEquals(a.getHeight(), b.getHeight(), view.getKey());
                assertArrayEquals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                        b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()), view.getKey() + ": same pixels");
                assertEquals(FigureFilesTest.pngText(window), FigureFilesTest.pngText(cli), "same provenance");
            }
        }
    }

    @Test
    void vectorFormatsAndBadRequestsAsAUserMeetsThem() throws Exception {
        Path pdf = temp.resolve("fig.pdf");
        CliRunner.Run run = CliRunner.run("figure", "--model", TestModels.gray28().toString(), "--input",
                TestModels.image().toString(), "--view", "splitbars", "--device", "cpu", "--out", pdf.toString());
        assertEquals(0, run.status(), run.err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(252, doc.getPage(0).getMediaBox().getWidth(), 0.01, "3.5 in by default");
            assertTrue(new PDFTextStripper().getText(doc).contains("layer2.0"), "the middle block, as the window");
        }
        Path svg = temp.resolve("fig");
        run = CliRunner.run("figure", "--model", TestModels.gray28().toString(), "--input", TestModels.image().toString(),
                "--view", "gap", "--format", "svg", "--theme", "dark", "--device", "cpu", "--out", svg.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.readString(temp.resolve("fig.svg")).contains("<text"), "the ending is added");

        for (String[] bad : new String[][] {
            {"--view", "pie"}, {"--block", "layer9.9"}, {"--width", "3 parsecs"},
            {"--dpi", "5"}, {"--colormap", "jet"}, {"--group", "-1"}, {"--theme", "neon"}}) {
            List<String> args = new ArrayList<>(List.of("figure", "--model", TestModels.gray28().toString(), "--input",
                    TestModels.image().toString(), "--device", "cpu", "--out", temp.resolve("bad.png").toString()));
            if (!bad[0].equals("--view")) {
                args.addAll(List.of("--view", "heatmaps"));
            }
            args.addAll(List.of(bad));
            run = CliRunner.run(args.toArray(String[]::new));
            assertEquals(SplitScopeCli.USER_ERROR, run.status(), String.join(" ", bad));
            assertTrue(run.err().startsWith("error: "), run.err());
            assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertTrue(CliRunner.run("figure", "--view", "pie", "--input", "x.png", "--out", "y.png").err()
                .contains("unknown view 'pie'; views: heatmaps, splitbars, featuremaps, gap, dataset"));
        assertFalse(Files.exists(temp.resolve("bad.png")), "nothing written for a bad request");
    }
}
