package org.splitscope.app.cam;

import java.io.IOException;
import org.splitscope.view.cam.CamEvidence;
import org.splitscope.app.figure.CaptureFigure;
import org.splitscope.figure.FileFigure;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.view.cam.CamRequest;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.ViewData;

/** The Grad-CAM figure as shown, for a file: drawn through the same {@link CamRequest} as {@code figure --view cam}. */
record CamFileFigure(CamRequest request, CamEvidence evidence, ImageCapture capture) implements FileFigure {

    @Override
    public Provenance provenance() throws IOException {
        return request.provenance(evidence, capture.model().name(), capture.model().sha256(),
                capture.sample().source(), CaptureFigure.imageSha256(capture)).withIntervention(capture.forced());
    }

    @Override
    public Drawing draw(double width, FigureStyle style) {
        return request.draw(evidence, capture.input(), width, style);
    }

    @Override
    public ViewData data() {
        return org.splitscope.view.cam.CamFigure.data(evidence);
    }
}
