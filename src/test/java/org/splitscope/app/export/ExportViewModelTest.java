package org.splitscope.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.Explorers;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureFilesTest;

class ExportViewModelTest {

    @Test
    void writesTheViewInEveryFormatAndNeverReplacesAFileWithoutAsking(@TempDir Path dir) throws Exception {
        try (var e = Explorers.started()) {
            ExportViewModel vm = e.vm().export();
            assertEquals("splitscope-heatmaps-layer2.0-blocks.pdf", vm.suggestedName("heatmaps", ".pdf"));
            assertEquals("splitscope-window-blocks.png", vm.suggestedName("window", ".png"));
            vm.widthProperty().set("3.5in");
            vm.dpiProperty().set(150);
            List<Path> written = new ArrayList<>();
            for (FigureFormat f : FigureFormat.values()) {
                vm.formatProperty().set(f);
                assertTrue(vm.saveFigure(e.vm().heatmap(), dir.resolve("figure"), true, p -> false, written::add));
            }
            Path png = dir.resolve("figure.png");
            assertEquals(List.of(png, dir.resolve("figure.svg"), dir.resolve("figure.pdf")), written);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(525, image.getWidth(), "3.5 in at 150 dpi");
            assertEquals("layer2.0", FigureFilesTest.pngText(png).get("Block"));
            assertEquals(e.vm().session().modelProperty().get().sha256(), FigureFilesTest.pngText(png).get("Model SHA-256"));
            assertTrue(Files.readString(dir.resolve("figure.svg")).contains("<text"));
            try (PDDocument pdf = Loader.loadPDF(dir.resolve("figure.pdf").toFile())) {
                assertEquals(252, pdf.getPage(0).getMediaBox().getWidth(), 0.01, "3.5 in in points");
            }
            assertEquals(dir.toAbsolutePath(), vm.folder(), "the folder is remembered");

            // figure.png exists now: the chooser agreed to "figure", not to "figure.png", so we ask.
            vm.formatProperty().set(FigureFormat.PNG);
            vm.widthProperty().set("2in");
            List<Path> asked = new ArrayList<>();
            assertFalse(vm.saveFigure(e.vm().heatmap(), dir.resolve("figure"), true, p -> asked.add(p) && false,
                    written::add));
            assertEquals(List.of(png), asked);
            assertEquals(525, ImageIO.read(png.toFile()).getWidth(), "untouched");
            assertTrue(vm.saveFigure(e.vm().heatmap(), png, true, p -> false, written::add),
                    "the chooser already asked about exactly this file");
            assertEquals(300, ImageIO.read(png.toFile()).getWidth());
            try (var files = Files.list(dir)) {
                assertEquals(3, files.count(), "no temporary files left");
            }
        }
    }

    @Test
    void exportsWhatTheViewShowsAsCsvAndJson(@TempDir Path dir) throws Exception {
        try (var e = Explorers.started()) {
            ExportViewModel vm = e.vm().export();
            List<Path> written = new ArrayList<>();
            assertTrue(vm.exportData(e.vm().splitBars(), dir.resolve("bars"), true, p -> false, written::add));
            List<String> csv = Files.readAllLines(dir.resolve("bars.csv"), StandardCharsets.UTF_8);
            assertEquals("block,group,split,channels,mean,min,q1,median,q3,max", csv.get(0));
            assertEquals(1 + 2 * 2, csv.size(), "K = 2 groups × R = 2 splits");
            assertTrue(csv.get(1).startsWith("layer2.0,0,0,"), csv.get(1));
            String json = Files.readString(dir.resolve("bars.json"));
            assertTrue(json.contains("\"Block\":\"layer2.0\"") && json.contains("\"rows\":[["), json);
            assertTrue(vm.exportData(e.vm().heatmap(), dir.resolve("matrix.csv"), true, p -> false, written::add));
            List<String> matrix = Files.readAllLines(dir.resolve("matrix.csv"), StandardCharsets.UTF_8);
            assertEquals(1 + 2 * 2 * 8, matrix.size(), "R × K × C/K weights of layer2.0 (C = 16)");
        }
    }
}
