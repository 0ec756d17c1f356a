package org.splitscope.cli;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.Explorers;
import org.splitscope.app.TestModels;
import org.splitscope.app.cam.CamViewModel;
import org.splitscope.app.main.MainViewModel;
import org.splitscope.view.cam.CamMethod;
import org.splitscope.view.cam.ClassChoice;
import org.splitscope.figure.FigureFilesTest;
import org.splitscope.figure.FigureFormat;

/** {@code figure --view cam}: the window's Grad-CAM figure, headless; bad choices refused before any file. */
class CamFigureCommandTest {
    @TempDir
    Path temp;

    private static List<String> figure(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("figure", "--view", "cam", "--model", TestModels.gray28().toString(),
                "--input", TestModels.image().toString(), "--device", "cpu"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void theCommandWritesTheWindowsFigure() throws Exception {
        Path window = temp.resolve("window.png");
        try (var e = Explorers.started()) {
            e.vm().viewProperty().set(Views.CAM);
            e.vm().session().blockProperty().set("layer3.0");
            CamViewModel vm = e.vm().cam();
            vm.atProperty().set(CamViewModel.At.SPLIT_ATTENTION);
            vm.classChoiceProperty().set(ClassChoice.of(3));
            vm.methodProperty().set(CamMethod.GRADCAM_PLUS_PLUS);
            var export = e.vm().export();
            export.formatProperty().set(FigureFormat.PNG);
            export.widthProperty().set("1200px");
            assertTrue(export.saveFigure(vm, window, true, p -> false, p -> {}));
        }
        Path cli = temp.resolve("cli.png");
        CliRunner.Run run = CliRunner.run(figure("--block", "layer3.0.conv2", "--class", "dress", "--method", "gradcampp",
                "--width", "1200px", "--out", cli.toString()).toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        BufferedImage a = ImageIO.read(window.toFile());
        BufferedImage b = ImageIO.read(cli.toFile());
        assertEquals(a.getHeight(), b.getHeight());
        assertArrayEquals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()), "same pixels");
        var windowText = new java.util.HashMap<>(FigureFilesTest.pngText(window));
        var cliText = new java.util.HashMap<>(FigureFilesTest.pngText(cli));
        cliText.remove("Class choice"); // "dress" typed vs 3 chosen from the list: both "chosen"
        windowText.remove("Class choice");
        assertEquals(windowText, cliText, "same provenance");
        assertEquals("Dress (class 3)", cliText.get("Class"));

        Path pdf = temp.resolve("cam.pdf");
        run = CliRunner.run(figure("--out", pdf.toString()).toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("cam of layer2.0"), run.out());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Grad-CAM for") && text.contains("layer2.0 · block output"), text);
        }
    }

    @Test
    void aBadClassBlockOrMethodIsOneErrorLineAndNoFile() throws Exception {
        Path out = temp.resolve("bad.png");
        for (String[] bad : new String[][] {{"--class", "unicorn"}, {"--class", "10"}, {"--block", "layer9.9.conv2"},
            {"--block", "layer2.0.conv3"}, {"--method", "scorecam"}}) {
            List<String> args = figure("--out", out.toString());
            args.addAll(List.of(bad));
            CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
            assertEquals(SplitScopeCli.USER_ERROR, run.status(), String.join(" ", bad));
            assertTrue(run.err().startsWith("error: "), run.err());
            assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertFalse(Files.exists(out), "nothing written for a bad request");
    }
}
