package org.splitscope.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.splitscope.io.AtomicFiles;

/** PNG files for papers, written completely or not at all. */
public final class PngExport {
    private PngExport() {}

    public static void write(Path target, BufferedImage image) throws IOException {
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
