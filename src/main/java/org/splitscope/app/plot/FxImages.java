package org.splitscope.app.plot;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.splitscope.render.Raster;

/** Rasters from the render package as JavaFX images. */
public final class FxImages {
    private FxImages() {}

    public static WritableImage of(Raster raster) {
        WritableImage image = new WritableImage(Math.max(1, raster.width()), Math.max(1, raster.height()));
        if (raster.width() > 0 && raster.height() > 0) {
            image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getIntArgbInstance(),
                    raster.argb(), 0, raster.width());
        }
        return image;
    }
}
