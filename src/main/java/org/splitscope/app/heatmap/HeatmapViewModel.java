package org.splitscope.app.heatmap;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.view.heatmaps.ContributionMaps;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.heatmaps.HeatmapFigure;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.ColorBars;

/**
 * The heatmap view: the selected block's attention matrix (per cardinal group, splits × channels)
 * and its split contribution maps over the input. Recomputed from the capture on every selection,
 * colormap or opacity change; the network is not run.
 */
public final class HeatmapViewModel extends FigureViewModel {
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.6);
    private final ObjectProperty<AttentionScale> scale = new SimpleObjectProperty<>(this, "scale", AttentionScale.FIXED);
    private final ReadOnlyObjectWrapper<AttentionMatrix> matrix = new ReadOnlyObjectWrapper<>(this, "matrix");
    private final ReadOnlyObjectWrapper<ContributionMaps> contributions = new ReadOnlyObjectWrapper<>(this, "contributions");

    public HeatmapViewModel(Session session) {
        super(session, Views.HEATMAPS, "Hover over a heatmap for exact values");
        session.captureProperty().addListener((obs, old, now) -> update());
        session.blockProperty().addListener((obs, old, now) -> update());
        session.groupProperty().addListener((obs, old, now) -> updateContributions());
        opacity.addListener((obs, old, now) -> changed());
        scale.addListener((obs, old, now) -> {
            if (now == null) {
                scale.set(old == null ? AttentionScale.FIXED : old);
            } else {
                changed();
            }
        });
        update();
    }

    private void update() {
        BlockCapture b = session().selectedBlock();
        matrix.set(b == null ? null : AttentionMatrix.of(b, 0));
        updateContributions();
    }

    private void updateContributions() {
        BlockCapture b = session().selectedBlock();
        contributions.set(b == null || !b.hasSplits() ? null : ContributionMaps.of(b, 0, group(b)));
        changed();
    }

    private int group(BlockCapture b) {
        int group = session().groupProperty().get();
        return group >= b.cardinality() ? SplitContributions.ALL_GROUPS : group;
    }

    /** @param maxPanel the largest contribution panel that fits the window without scrolling */
    public HeatmapFigure.Options options(double maxPanel) {
        return new HeatmapFigure.Options(session().colormapProperty().get(), scale.get(), opacity.get(), maxPanel);
    }

    /** The figure as the window shows it, or null before the first capture. */
    public Drawing draw(double width, FigureStyle style, double maxPanel) {
        ImageCapture c = session().capture();
        AttentionMatrix m = matrix.get();
        if (c == null || m == null) {
            return null;
        }
        return HeatmapFigure.draw(m, contributions.get(), "Capturing the " + m.words().maps() + " of " + m.block() + "…", c.input(),
                options(maxPanel), width, style);
    }

    @Override
    public String readout(Object target) {
        AttentionMatrix m = matrix.get();
        ContributionMaps c = contributions.get();
        if (target instanceof HeatmapFigure.Cell cell && m != null) {
            return String.format(Locale.ROOT, "%s · group k = %d · %s · channel c = %d (of C/K = %d): %s = %s",
                    m.block(), cell.group(), m.words().unit(cell.split()), cell.channel(), m.groupChannels(),
                    m.words().channelGate() ? "g" : "a",
                    ColorBars.exact(m.weight(cell.group(), cell.split(), cell.channel())));
        }
        if (target instanceof HeatmapFigure.MapPixel px && c != null) {
            return String.format(Locale.ROOT, "%s · %s · %s · map (h, w) = (%d, %d) of %d×%d: %s = %s",
                    c.block(), c.words().unit(px.split()), c.group() < 0 ? "all groups" : "group k = " + c.group(), px.y(), px.x(),
                    c.height(), c.width(), c.words().contributionShort(), ColorBars.exact(c.value(px.split(), px.x(), px.y())));
        }
        return null;
    }

    @Override
    public FigureRequest request() {
        FigureRequest r = baseRequest();
        return r == null ? null : r.withHeatmap(scale.get(), opacity.get());
    }

    /** How the attention matrix's colour scale is chosen. */
    public ObjectProperty<AttentionScale> scaleProperty() {
        return scale;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public ReadOnlyObjectProperty<AttentionMatrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    /** Null while the block's split maps are being captured. */
    public ReadOnlyObjectProperty<ContributionMaps> contributionsProperty() {
        return contributions.getReadOnlyProperty();
    }
}
