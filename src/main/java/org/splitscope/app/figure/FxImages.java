package org.splitscope.app.figure;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.splitscope.render.Raster;

/** Rasters from the render package as JavaFX images. */
public final class FxImages {
    private FxImages() {}

    /** A packed ARGB colour as a JavaFX colour. */
    public static javafx.scene.paint.Color color(int argb) {
        return javafx.scene.paint.Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF,
                ((argb >>> 24) & 0xFF) / 255.0);
    }

    public static WritableImage of(Raster raster) {
        WritableImage image = new WritableImage(Math.max(1, raster.width()), Math.max(1, raster.height()));
        if (raster.width() > 0 && raster.height() > 0) {
            image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getIntArgbInstance(),
                    raster.argb(), 0, raster.width());
        }
        return image;
    }
}
