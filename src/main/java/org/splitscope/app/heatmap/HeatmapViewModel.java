package org.splitscope.app.heatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.splitscope.analysis.AttentionStats;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Readout;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;
import org.splitscope.render.Heatmaps;
import org.splitscope.render.Overlays;
import org.splitscope.render.Raster;
import org.splitscope.render.ValueRange;

/**
 * The heatmap view: the selected block's attention matrix (per cardinal group, splits × channels)
 * and its split contribution maps over the input. Recomputed from the capture on every selection,
 * colormap or opacity change; the network is not run.
 */
public final class HeatmapViewModel {
    private final Session session;
    private final Readout readout;
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.6);
    private final ObjectProperty<AttentionScale> scale = new SimpleObjectProperty<>(this, "scale", AttentionScale.FIXED);
    private final ReadOnlyObjectWrapper<AttentionMatrix> matrix = new ReadOnlyObjectWrapper<>(this, "matrix");
    private final ReadOnlyObjectWrapper<Contributions> contributions = new ReadOnlyObjectWrapper<>(this, "contributions");

    /**
     * @param groups one raster per cardinal group k: C/K columns (channels) × R rows (splits)
     */
    public record AttentionMatrix(BlockCapture block, List<Raster> groups, ValueRange range, Colormap colormap,
            AttentionScale scale) {
        public double weight(int group, int split, int channel) {
            return block.attention(0, split, group, channel);
        }
    }

    /**
     * @param maps Σ_c a_r(c)·U_r(c,h,w) per split, mapHeight × mapWidth each
     * @param panels the maps upsampled and laid over the input, {@code size}×{@code size}
     * @param group the cardinal group summed over, or ALL_GROUPS
     * @param status why there are no maps yet ("capturing split maps…"), or null
     */
    public record Contributions(BlockCapture block, int group, float[][] maps, int mapWidth, int mapHeight,
            List<Raster> panels, int size, ValueRange range, Colormap colormap, String status) {

        public double value(int split, int x, int y) {
            return maps[split][y * mapWidth + x];
        }
    }

    public HeatmapViewModel(Session session) {
        this.session = session;
        this.readout = new Readout(session, "Hover over a heatmap for exact values");
        session.captureProperty().addListener((obs, old, now) -> update());
        session.blockProperty().addListener((obs, old, now) -> update());
        session.groupProperty().addListener((obs, old, now) -> updateContributions());
        session.colormapProperty().addListener((obs, old, now) -> update());
        opacity.addListener((obs, old, now) -> updateContributions());
        scale.addListener((obs, old, now) -> {
            if (now == null) {
                scale.set(old == null ? AttentionScale.FIXED : old);
            } else {
                updateMatrix();
            }
        });
        update();
    }

    private void update() {
        updateMatrix();
        updateContributions();
    }

    private void updateMatrix() {
        BlockCapture b = session.selectedBlock();
        if (b == null) {
            matrix.set(null);
            return;
        }
        Colormap colormap = session.colormapProperty().get();
        ValueRange range = scale.get().range(b.attention(), b.radix(), colormap);
        List<Raster> groups = new ArrayList<>();
        for (int k = 0; k < b.cardinality(); k++) {
            int per = b.groupChannels();
            float[] grid = new float[b.radix() * per];
            for (int r = 0; r < b.radix(); r++) {
                System.arraycopy(AttentionStats.weights(b, 0, r, k), 0, grid, r * per, per);
            }
            groups.add(Heatmaps.rasterize(grid, per, b.radix(), colormap, range));
        }
        matrix.set(new AttentionMatrix(b, List.copyOf(groups), range, colormap, scale.get()));
    }

    private void updateContributions() {
        BlockCapture b = session.selectedBlock();
        ImageCapture c = session.capture();
        if (b == null || c == null) {
            contributions.set(null);
            return;
        }
        Colormap colormap = session.colormapProperty().get();
        int group = session.groupProperty().get();
        if (group >= b.cardinality()) {
            group = SplitContributions.ALL_GROUPS;
        }
        if (!b.hasSplits()) {
            contributions.set(new Contributions(b, group, new float[0][], 0, 0, List.of(), 0, ValueRange.of(0, 1),
                    colormap, "Capturing the split maps of " + b.name() + "…"));
            return;
        }
        float[][] maps = SplitContributions.all(b, 0, group);
        ValueRange range = null;
        for (float[] m : maps) {
            range = range == null ? ValueRange.of(m) : range.union(ValueRange.of(m));
        }
        range = range.forColormap(colormap);
        int size = Math.max(256, Math.min(512, c.input().width()));
        List<Raster> panels = new ArrayList<>();
        for (float[] m : maps) {
            panels.add(Overlays.overlay(c.input(), m, b.width(), b.height(), colormap, range, opacity.get(), size, size));
        }
        contributions.set(new Contributions(b, group, maps, b.width(), b.height(), List.copyOf(panels), size, range,
                colormap, null));
    }

    public String attentionReadout(int group, int split, int channel) {
        AttentionMatrix m = matrix.get();
        if (m == null) {
            return "";
        }
        BlockCapture b = m.block();
        return String.format(Locale.ROOT, "%s · group k = %d · split r = %d · channel c = %d (of C/K = %d): a = %s",
                b.name(), group, split, channel, b.groupChannels(), ColorBars.exact(m.weight(group, split, channel)));
    }

    public String contributionReadout(int split, int x, int y) {
        Contributions m = contributions.get();
        if (m == null || m.status() != null) {
            return "";
        }
        return String.format(Locale.ROOT, "%s · split r = %d · %s · map (h, w) = (%d, %d) of %d×%d: Σ a·U = %s",
                m.block().name(), split, m.group() < 0 ? "all groups" : "group k = " + m.group(), y, x, m.mapHeight(),
                m.mapWidth(), ColorBars.exact(m.value(split, x, y)));
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

    public ReadOnlyObjectProperty<Contributions> contributionsProperty() {
        return contributions.getReadOnlyProperty();
    }

    public Session session() {
        return session;
    }

    /** The hover line under the view. */
    public Readout readout() {
        return readout;
    }
}
