package org.splitscope.app.splitbars;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.analysis.AttentionStats;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.analysis.SplitStats;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Readout;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;

/**
 * Split bar charts: per cardinal group one bar per split (mean attention over the group's channels)
 * with whiskers, or stacked; and an overview of every block, to see the trend with depth.
 */
public final class SplitBarsViewModel {
    public enum Whiskers {
        MIN_MAX("min – max"),
        QUARTILES("quartiles (25 – 75 %)");

        private final String label;

        Whiskers(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Bars of one block: {@code groups.get(k).get(r)} is split r of group k. */
    public record Bars(String block, int radix, List<List<SplitStats>> groups) {}

    /** One small multiple: mean attention of each split over all the block's channels. */
    public record BlockBars(String block, int radix, double[] means, double entropy) {}

    private final Session session;
    private final Readout readout;
    private final ObjectProperty<Whiskers> whiskers = new SimpleObjectProperty<>(this, "whiskers", Whiskers.MIN_MAX);
    private final BooleanProperty stacked = new SimpleBooleanProperty(this, "stacked");
    private final ReadOnlyObjectWrapper<Bars> bars = new ReadOnlyObjectWrapper<>(this, "bars");
    private final ReadOnlyObjectWrapper<List<BlockBars>> overview = new ReadOnlyObjectWrapper<>(this, "overview", List.of());

    public SplitBarsViewModel(Session session) {
        this.session = session;
        this.readout = new Readout(session, "Hover over a bar for exact values; click a block below to select it");
        session.captureProperty().addListener((obs, old, now) -> {
            updateOverview();
            updateBars();
        });
        session.blockProperty().addListener((obs, old, now) -> updateBars());
        updateOverview();
        updateBars();
    }

    private void updateBars() {
        BlockCapture b = session.selectedBlock();
        if (b == null) {
            bars.set(null);
            return;
        }
        List<List<SplitStats>> groups = new ArrayList<>();
        for (int k = 0; k < b.cardinality(); k++) {
            groups.add(AttentionStats.perSplit(b, 0, k));
        }
        bars.set(new Bars(b.name(), b.radix(), List.copyOf(groups)));
    }

    private void updateOverview() {
        ImageCapture c = session.capture();
        if (c == null) {
            overview.set(List.of());
            return;
        }
        List<BlockBars> out = new ArrayList<>();
        for (BlockCapture b : c.result().blocks()) {
            double[] means = AttentionStats.perSplit(b, 0, SplitContributions.ALL_GROUPS).stream()
                    .mapToDouble(SplitStats::mean).toArray();
            out.add(new BlockBars(b.name(), b.radix(), means, c.entropy().getOrDefault(b.name(), Double.NaN)));
        }
        overview.set(List.copyOf(out));
    }

    /** Split r's colour: R evenly spaced samples of the colormap, so splits read the same in every chart. */
    public int splitColour(int split, int radix) {
        Colormap map = session.colormapProperty().get();
        return map.argb(radix <= 1 ? 0.65 : 0.1 + 0.8 * split / (radix - 1.0));
    }

    public String barReadout(int group, int split) {
        Bars b = bars.get();
        if (b == null) {
            return "";
        }
        SplitStats s = b.groups().get(group).get(split);
        return String.format(Locale.ROOT, "%s · group k = %d · split r = %d over %d channels: mean %s, min %s, "
                + "q1 %s, median %s, q3 %s, max %s", b.block(), group, split, s.channels(), ColorBars.exact(s.mean()),
                ColorBars.exact(s.min()), ColorBars.exact(s.q1()), ColorBars.exact(s.median()),
                ColorBars.exact(s.q3()), ColorBars.exact(s.max()));
    }

    public String overviewReadout(BlockBars b) {
        StringBuilder s = new StringBuilder(b.block()).append(" · mean attention");
        for (int r = 0; r < b.means().length; r++) {
            s.append(r == 0 ? " " : ", ").append("r = ").append(r).append(": ").append(ColorBars.exact(b.means()[r]));
        }
        return s.append(" · entropy ").append(ColorBars.exact(b.entropy())).toString();
    }

    public ObjectProperty<Whiskers> whiskersProperty() {
        return whiskers;
    }

    public BooleanProperty stackedProperty() {
        return stacked;
    }

    public ReadOnlyObjectProperty<Bars> barsProperty() {
        return bars.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<BlockBars>> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public Session session() {
        return session;
    }

    /** The hover line under the view. */
    public Readout readout() {
        return readout;
    }
}
