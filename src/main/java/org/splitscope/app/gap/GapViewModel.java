package org.splitscope.app.gap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.splitscope.analysis.GapStatistics;
import org.splitscope.analysis.GapSummary;
import org.splitscope.app.session.Readout;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.render.ColorBars;
import org.splitscope.render.ValueRange;

/** GAP statistics: per cardinal group, the distribution of s^k and its largest channels. */
public final class GapViewModel {
    public static final int TOP = 8;

    /** @param range the values of all groups, so their histograms share an axis */
    public record Gap(BlockCapture block, List<GapSummary> groups, ValueRange range) {}

    private final Session session;
    private final Readout readout;
    private final IntegerProperty bins = new SimpleIntegerProperty(this, "bins", 24);
    private final ReadOnlyObjectWrapper<Gap> gap = new ReadOnlyObjectWrapper<>(this, "gap");

    public GapViewModel(Session session) {
        this.session = session;
        this.readout = new Readout(session, "Hover over a histogram bar for its range and count");
        session.captureProperty().addListener((obs, old, now) -> update());
        session.blockProperty().addListener((obs, old, now) -> update());
        bins.addListener((obs, old, now) -> update());
        update();
    }

    private void update() {
        BlockCapture b = session.selectedBlock();
        if (b == null) {
            gap.set(null);
            return;
        }
        List<GapSummary> groups = new ArrayList<>();
        ValueRange range = null;
        for (int k = 0; k < b.cardinality(); k++) {
            GapSummary s = GapStatistics.summarize(b, 0, k, Math.max(1, bins.get()), TOP);
            groups.add(s);
            ValueRange r = ValueRange.of(s.min(), s.max());
            range = range == null ? r : range.union(r);
        }
        gap.set(new Gap(b, List.copyOf(groups), range));
    }

    public String binReadout(int group, int bin) {
        Gap g = gap.get();
        if (g == null) {
            return "";
        }
        GapSummary s = g.groups().get(group);
        return String.format(Locale.ROOT, "%s · group k = %d · s^k in [%s, %s): %d of %d channels", g.block().name(),
                group, ColorBars.exact(s.binStart() + bin * s.binWidth()), ColorBars.exact(s.binEnd(bin)),
                s.counts()[bin], s.channels());
    }

    public IntegerProperty binsProperty() {
        return bins;
    }

    public ReadOnlyObjectProperty<Gap> gapProperty() {
        return gap.getReadOnlyProperty();
    }

    public Session session() {
        return session;
    }

    /** The hover line under the view. */
    public Readout readout() {
        return readout;
    }
}
