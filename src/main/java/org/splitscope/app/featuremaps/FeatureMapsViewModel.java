package org.splitscope.app.featuremaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.analysis.FeatureMaps;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.app.session.Readout;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;
import org.splitscope.render.Heatmaps;
import org.splitscope.render.Raster;
import org.splitscope.render.ValueRange;

/**
 * Feature-map grids: the channels of U_r (the session's split) or of V for the selected block and
 * group, each tile on its own scale, in channel, attention or activation order.
 */
public final class FeatureMapsViewModel {
    /** Tiles beyond this many are not drawn (ResNeSt's widest block has 512 channels per group). */
    public static final int MAX_TILES = 1024;
    public static final int MIN_TILE = 32;
    public static final int MAX_TILE = 256;

    /**
     * @param channel 0 … C-1 across groups
     * @param range the tile's own min and max (each tile has its own normalisation)
     * @param weight a_r(c), or for V the largest over r
     */
    public record Tile(int channel, int group, Raster raster, float[] values, ValueRange range, double weight,
            double mean) {}

    /** @param split a split r or {@link FeatureMaps#FUSED} */
    public record Grid(BlockCapture block, int split, int group, List<Tile> tiles, int total, String status) {
        public String sourceName() {
            return split == FeatureMaps.FUSED ? "V (fused output)" : block.radix() == 1 ? "U (gated split)"
                    : "U_" + split + " (split r = " + split + ")";
        }
    }

    private final Session session;
    private final Readout readout;
    private final ObjectProperty<FeatureMaps.Order> order = new SimpleObjectProperty<>(this, "order", FeatureMaps.Order.ATTENTION);
    private final IntegerProperty tileSize = new SimpleIntegerProperty(this, "tileSize", 96);
    private final ReadOnlyObjectWrapper<Grid> grid = new ReadOnlyObjectWrapper<>(this, "grid");

    public FeatureMapsViewModel(Session session) {
        this.session = session;
        this.readout = new Readout(session, "Hover over a tile for exact values; Ctrl + scroll zooms");
        session.captureProperty().addListener((obs, old, now) -> update());
        session.blockProperty().addListener((obs, old, now) -> update());
        session.groupProperty().addListener((obs, old, now) -> update());
        session.splitProperty().addListener((obs, old, now) -> update());
        session.colormapProperty().addListener((obs, old, now) -> update());
        order.addListener((obs, old, now) -> update());
        tileSize.addListener((obs, old, now) -> {
            int v = now.intValue();
            if (v < MIN_TILE || v > MAX_TILE) {
                tileSize.set(Math.max(MIN_TILE, Math.min(MAX_TILE, v)));
            }
        });
        update();
    }

    private void update() {
        BlockCapture b = session.selectedBlock();
        if (b == null) {
            grid.set(null);
            return;
        }
        int split = session.splitProperty().get();
        if (split >= b.radix()) {
            split = 0;
        }
        int group = session.groupProperty().get();
        if (group >= b.cardinality()) {
            group = SplitContributions.ALL_GROUPS;
        }
        if (!b.hasSplits()) {
            grid.set(new Grid(b, split, group, List.of(), 0, "Capturing the split maps of " + b.name() + "…"));
            return;
        }
        Colormap colormap = session.colormapProperty().get();
        int[] channels = FeatureMaps.channels(b, 0, split, group, order.get());
        int plane = b.height() * b.width();
        float[] source = FeatureMaps.source(b, split);
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < Math.min(channels.length, MAX_TILES); i++) {
            int c = channels[i];
            int offset = FeatureMaps.offset(b, 0, split, c);
            ValueRange range = ValueRange.of(source, offset, offset + plane);
            // A constant map (often all zero after the ReLU) is drawn in the low colour, not mid-scale.
            ValueRange shown = range.span() == 0 ? ValueRange.of(range.min(), range.min() + 1)
                    : range.forColormap(colormap);
            float[] values = java.util.Arrays.copyOfRange(source, offset, offset + plane);
            tiles.add(new Tile(c, c / b.groupChannels(),
                    Heatmaps.rasterize(values, b.width(), b.height(), colormap, shown), values, range,
                    FeatureMaps.weight(b, 0, split, c), FeatureMaps.mean(b, 0, split, c)));
        }
        String status = channels.length > MAX_TILES ? "showing the first " + MAX_TILES + " of " + channels.length : null;
        grid.set(new Grid(b, split, group, List.copyOf(tiles), channels.length, status));
    }

    public String readout(Tile tile, int x, int y) {
        Grid g = grid.get();
        if (g == null) {
            return "";
        }
        String weightName = g.split() == FeatureMaps.FUSED ? "max_r a_r" : "a_" + g.split();
        return String.format(Locale.ROOT,
                "%s · %s · channel c = %d (group k = %d, c = %d within it) · (h, w) = (%d, %d): %s · tile min %s, max %s, "
                        + "mean %s · %s = %s",
                g.block().name(), g.sourceName(), tile.channel(), tile.group(), tile.channel() % g.block().groupChannels(),
                y, x, ColorBars.exact(tile.values()[y * g.block().width() + x]), ColorBars.exact(tile.range().min()),
                ColorBars.exact(tile.range().max()), ColorBars.exact(tile.mean()), weightName,
                ColorBars.exact(tile.weight()));
    }

    /** Zoom in or out by one step (×1.25). */
    public void zoom(int direction) {
        tileSize.set((int) Math.round(tileSize.get() * (direction > 0 ? 1.25 : 0.8)));
    }

    public ObjectProperty<FeatureMaps.Order> orderProperty() {
        return order;
    }

    public IntegerProperty tileSizeProperty() {
        return tileSize;
    }

    public ReadOnlyObjectProperty<Grid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public Session session() {
        return session;
    }

    /** The hover line under the view. */
    public Readout readout() {
        return readout;
    }
}
