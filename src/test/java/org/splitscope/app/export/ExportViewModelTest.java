package org.splitscope.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.Explorers;

class ExportViewModelTest {

    @Test
    void writesAPngAndNeverReplacesAFileWithoutAsking(@TempDir Path dir) throws Exception {
        try (var e = Explorers.started()) {
            ExportViewModel vm = e.vm().export();
            assertEquals("splitscope-heatmaps-layer2.0-blocks.png", vm.suggestedName("heatmaps"));
            assertEquals("splitscope-window-blocks.png", vm.suggestedName("window"));
            BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
            List<Path> written = new ArrayList<>();
            assertTrue(vm.save(image, dir.resolve("figure"), true, p -> false, written::add));
            Path png = dir.resolve("figure.png");
            assertEquals(List.of(png), written);
            assertEquals(30, ImageIO.read(png.toFile()).getWidth());
            assertEquals(dir.toAbsolutePath(), vm.folder(), "the folder is remembered");

            // figure.png exists now: the chooser agreed to "figure", not to "figure.png", so we ask.
            List<Path> asked = new ArrayList<>();
            assertFalse(vm.save(new BufferedImage(5, 5, BufferedImage.TYPE_INT_ARGB), dir.resolve("figure"), true,
                    p -> asked.add(p) && false, written::add));
            assertEquals(List.of(png), asked);
            assertEquals(30, ImageIO.read(png.toFile()).getWidth(), "untouched");
            assertTrue(vm.save(new BufferedImage(5, 5, BufferedImage.TYPE_INT_ARGB), png, true, p -> false, written::add),
                    "the chooser already asked about exactly this file");
            assertEquals(5, ImageIO.read(png.toFile()).getWidth());
            try (var files = Files.list(dir)) {
                assertEquals(1, files.count(), "no temporary files left");
            }
        }
    }
}
