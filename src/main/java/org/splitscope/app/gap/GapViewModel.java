package org.splitscope.app.gap;

import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.splitscope.view.gap.GapHistograms;
import org.splitscope.view.gap.GapSummary;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.gap.GapFigure;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.render.ColorBars;

/** GAP statistics: per cardinal group, the distribution of s^k and its largest channels. */
public final class GapViewModel extends FigureViewModel {
    private final IntegerProperty bins = new SimpleIntegerProperty(this, "bins", 24);
    private final ReadOnlyObjectWrapper<GapHistograms> gap = new ReadOnlyObjectWrapper<>(this, "gap");

    public GapViewModel(Session session) {
        super(session, Views.GAP, "Hover over a histogram bar for its range and count");
        session.captureProperty().addListener((obs, old, now) -> update());
        session.blockProperty().addListener((obs, old, now) -> update());
        bins.addListener((obs, old, now) -> update());
        update();
    }

    private void update() {
        BlockCapture b = session().selectedBlock();
        gap.set(b == null ? null : GapHistograms.of(b, 0, Math.max(1, bins.get())));
        changed();
    }

    public Drawing draw(double width, FigureStyle style) {
        GapHistograms g = gap.get();
        return g == null ? null : GapFigure.draw(g, new GapFigure.Options(session().colormapProperty().get()), width, style);
    }

    @Override
    public String readout(Object target) {
        GapHistograms g = gap.get();
        if (!(target instanceof GapFigure.Bin bin) || g == null) {
            return null;
        }
        GapSummary s = g.groups().get(bin.group());
        return String.format(Locale.ROOT, "%s · group k = %d · %s in [%s, %s): %d of %d channels", g.block(),
                bin.group(), g.words().pooled(), ColorBars.exact(s.binStart() + bin.bin() * s.binWidth()),
                ColorBars.exact(s.binEnd(bin.bin())), s.counts()[bin.bin()], s.channels());
    }

    @Override
    public FigureRequest request() {
        FigureRequest r = baseRequest();
        return r == null ? null : r.withBins(bins.get());
    }

    public IntegerProperty binsProperty() {
        return bins;
    }

    public ReadOnlyObjectProperty<GapHistograms> gapProperty() {
        return gap.getReadOnlyProperty();
    }
}
