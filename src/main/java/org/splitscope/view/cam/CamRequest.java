package org.splitscope.view.cam;

import org.splitscope.view.Origin;
import org.splitscope.figure.FileFigure;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureSize;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.capture.BlockCapture;
import org.splitscope.render.Raster;

/**
 * Everything that decides the Grad-CAM figure besides the maps: the request's block, group,
 * colormap and opacity, the class explained, the method and where in the block the CAM is taken.
 * The window's export and {@code figure --view cam} both draw through it.
 *
 * @param splitAttention at the block's split-attention output V ({@code layer3.0.conv2}) rather than its output
 */
public record CamRequest(FigureRequest base, ClassChoice choice, CamMethod method, boolean splitAttention) {

    /** What {@code CamService} is asked for: {@code layer3.0} or {@code layer3.0.conv2}. */
    public String target() {
        return base.block() + (splitAttention ? ".conv2" : "");
    }

    /** The cardinal group of the contribution maps within this block's K. */
    public int group(BlockCapture block) {
        return base.group() >= block.cardinality() ? SplitContributions.ALL_GROUPS : base.group();
    }

    public Drawing draw(CamEvidence e, Raster input, double width, FigureStyle s) {
        return CamFigure.draw(e, input, new CamFigure.Options(base.colormap(), base.opacity(), width / 2), width, s);
    }

    /** The figure for a file: at the size's width, with the caption line unless left out. */
    public Drawing drawForFile(CamEvidence e, Raster input, FigureSize size, FigureStyle style, Provenance provenance,
            boolean caption) {
        Drawing d = draw(e, input, size.widthPt(), style);
        return caption ? d.withCaption(provenance.caption()) : d;
    }

    /** What the file records: the block and group as every view, and the class, method and target. */
    public Provenance provenance(CamEvidence e, String model, String modelSha256, String image, String imageSha256) {
        int k = e.contributions() == null ? base.group() : e.contributions().group();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("Class", e.explained().label() + " (class " + e.explained().index() + ")");
        extra.put("Class choice", choice.top() ? "top class of the prediction" : "chosen");
        extra.put("Probability", String.format(Locale.ROOT, "%.6f", e.probability()));
        extra.put("Logit", String.format(Locale.ROOT, "%.6f", e.explained().logit()));
        extra.put("Method", method.displayName());
        extra.put("CAM at", e.target() + (e.atSplitAttention() ? " (" + e.words().adjective() + " output "
                + e.words().outputSymbol() + ")" : " (block output)"));
        return new Provenance(Views.CAM.id(), model, modelSha256, image, imageSha256, e.block(),
                k == SplitContributions.ALL_GROUPS ? "all groups" : "k = " + k, null, base.colormap().displayName(),
                null, extra);
    }

    /** The Grad-CAM figure for a file: the window's export and {@code figure --view cam} alike. */
    public FileFigure file(CamEvidence e, Raster input, Origin origin) {
        return FileFigure.of(() -> provenance(e, origin.model().name(), origin.model().sha256(), origin.image(),
                origin.imageSha256().get()).withIntervention(origin.forced()),
                (width, style) -> draw(e, input, width, style), () -> CamFigure.data(e));
    }
}
