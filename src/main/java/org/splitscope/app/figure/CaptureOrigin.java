package org.splitscope.app.figure;

import java.io.IOException;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.ImageItem;
import org.splitscope.io.Sha256;
import org.splitscope.render.Raster;
import org.splitscope.view.Origin;

/** Where the window's figures of one image's capture come from, as their files record it. */
public final class CaptureOrigin {
    private CaptureOrigin() {}

    public static Origin of(ImageCapture capture) {
        return new Origin(capture.model(), capture.sample().source(), () -> imageSha256(capture), capture.forced());
    }

    /** The image file's SHA-256, or of the pixels of an image that exists only in memory. */
    public static String imageSha256(ImageCapture capture) throws IOException {
        ImageItem image = capture.image();
        return image.file() != null ? Sha256.of(image.file()) : Sha256.of(Raster.of(image.pixels()).argb());
    }
}
