package org.splitscope.app.figure;


import org.splitscope.figure.FileFigure;
import java.io.IOException;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.ImageItem;
import org.splitscope.capture.BlockCapture;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.ViewData;
import org.splitscope.io.Sha256;
import org.splitscope.render.Raster;

/** The figure of one image's capture, drawn through the same {@link FigureRequest} as the {@code figure} command. */
public record CaptureFigure(FigureRequest request, ImageCapture capture) implements FileFigure {

    private BlockCapture selected() {
        return capture.block(request.block());
    }

    @Override
    public Provenance provenance() throws IOException {
        return request.provenance(selected(), capture.model().name(), capture.model().sha256(),
                capture.sample().source(), imageSha256(capture)).withIntervention(capture.forced());
    }

    /** The image file's SHA-256, or of the pixels of an image that exists only in memory. */
    public static String imageSha256(ImageCapture capture) throws IOException {
        ImageItem image = capture.image();
        return image.file() != null ? Sha256.of(image.file()) : Sha256.of(Raster.of(image.pixels()).argb());
    }

    @Override
    public Drawing draw(double width, FigureStyle style) {
        return request.draw(selected(), capture.result().blocks(), capture.input(), width, style);
    }

    @Override
    public ViewData data() {
        return request.data(selected(), capture.result().blocks());
    }
}
