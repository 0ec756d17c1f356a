package org.splitscope.app.splitbars;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.view.splitbars.SplitBars;
import org.splitscope.analysis.SplitStats;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.splitbars.SplitBarsFigure;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.render.ColorBars;

/**
 * Split bar charts: per cardinal group one bar per split (mean attention over the group's channels)
 * with whiskers, or stacked; and an overview of every block, to see the trend with depth.
 */
public final class SplitBarsViewModel extends FigureViewModel {
    private final ObjectProperty<SplitBarsFigure.Whiskers> whiskers =
            new SimpleObjectProperty<>(this, "whiskers", SplitBarsFigure.Whiskers.MIN_MAX);
    private final BooleanProperty stacked = new SimpleBooleanProperty(this, "stacked");
    private final ReadOnlyObjectWrapper<SplitBars> bars = new ReadOnlyObjectWrapper<>(this, "bars");

    public SplitBarsViewModel(Session session) {
        super(session, Views.SPLITBARS, "Hover over a bar for exact values; click a block below to select it");
        session.captureProperty().addListener((obs, old, now) -> update());
        session.blockProperty().addListener((obs, old, now) -> update());
        whiskers.addListener((obs, old, now) -> changed());
        stacked.addListener((obs, old, now) -> changed());
        update();
    }

    private void update() {
        ImageCapture c = session().capture();
        BlockCapture b = session().selectedBlock();
        bars.set(c == null || b == null ? null : SplitBars.of(b, c.result().blocks(), 0));
        changed();
    }

    public Drawing draw(double width, FigureStyle style) {
        SplitBars b = bars.get();
        return b == null ? null : SplitBarsFigure.draw(b, new SplitBarsFigure.Options(session().colormapProperty().get(),
                whiskers.get(), stacked.get(), b.block()), width, style);
    }

    /** A click on a block of the overview selects it. */
    public void click(Object target) {
        if (target instanceof SplitBarsFigure.Block block) {
            session().blockProperty().set(block.bars().block());
        }
    }

    @Override
    public String readout(Object target) {
        SplitBars b = bars.get();
        if (target instanceof SplitBarsFigure.Bar bar && b != null) {
            SplitStats s = b.groups().get(bar.group()).get(bar.split());
            return String.format(Locale.ROOT, "%s · group k = %d · %s over %d channels: mean %s, min %s, "
                    + "q1 %s, median %s, q3 %s, max %s", b.block(), bar.group(), b.words().unit(bar.split()), s.channels(),
                    ColorBars.exact(s.mean()), ColorBars.exact(s.min()), ColorBars.exact(s.q1()),
                    ColorBars.exact(s.median()), ColorBars.exact(s.q3()), ColorBars.exact(s.max()));
        }
        if (target instanceof SplitBarsFigure.Block block) {
            SplitBars.BlockBars o = block.bars();
            StringBuilder s = new StringBuilder(o.block()).append(" · mean attention");
            for (int r = 0; r < o.means().length; r++) {
                s.append(r == 0 ? " " : ", ").append("r = ").append(r).append(": ").append(ColorBars.exact(o.means()[r]));
            }
            return s.append(" · entropy ").append(ColorBars.exact(o.entropy())).append(" · click to select").toString();
        }
        return null;
    }

    @Override
    public FigureRequest request() {
        FigureRequest r = baseRequest();
        return r == null ? null : r.withSplitBars(whiskers.get(), stacked.get());
    }

    public ObjectProperty<SplitBarsFigure.Whiskers> whiskersProperty() {
        return whiskers;
    }

    public BooleanProperty stackedProperty() {
        return stacked;
    }

    public ReadOnlyObjectProperty<SplitBars> barsProperty() {
        return bars.getReadOnlyProperty();
    }
}
