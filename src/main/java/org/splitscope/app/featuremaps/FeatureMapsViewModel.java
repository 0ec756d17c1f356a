package org.splitscope.app.featuremaps;

import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.view.featuremaps.FeatureMapGrid;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.figure.Drawing;
import org.splitscope.view.featuremaps.FeatureMapsFigure;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.render.ColorBars;

/**
 * Feature-map grids: the channels of U_r (the session's split) or of V for the selected block and
 * group, each tile on its own scale, in channel, attention or activation order.
 */
public final class FeatureMapsViewModel extends FigureViewModel {
    public static final int MIN_TILE = 32;
    public static final int MAX_TILE = 256;

    private final ObjectProperty<FeatureMaps.Order> order = new SimpleObjectProperty<>(this, "order", FeatureMaps.Order.ATTENTION);
    private final IntegerProperty tileSize = new SimpleIntegerProperty(this, "tileSize", 96);
    private final ReadOnlyObjectWrapper<FeatureMapGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");

    public FeatureMapsViewModel(Session session) {
        super(session, Views.FEATUREMAPS, "Hover over a tile for exact values; Ctrl + scroll zooms");
        session.captureProperty().addListener((obs, old, now) -> update());
        session.blockProperty().addListener((obs, old, now) -> update());
        session.groupProperty().addListener((obs, old, now) -> update());
        session.splitProperty().addListener((obs, old, now) -> update());
        order.addListener((obs, old, now) -> update());
        tileSize.addListener((obs, old, now) -> {
            int v = now.intValue();
            if (v < MIN_TILE || v > MAX_TILE) {
                tileSize.set(Math.max(MIN_TILE, Math.min(MAX_TILE, v)));
            } else {
                changed();
            }
        });
        update();
    }

    private void update() {
        BlockCapture b = session().selectedBlock();
        if (b == null || !b.hasSplits()) {
            grid.set(null);
            status.set(b == null ? null : "Capturing the " + b.words().maps() + " of " + b.name() + "…");
        } else {
            int split = session().splitProperty().get();
            int group = session().groupProperty().get();
            grid.set(FeatureMapGrid.of(b, 0, split >= b.radix() ? 0 : split,
                    group >= b.cardinality() ? SplitContributions.ALL_GROUPS : group, order.get()));
            status.set(null);
        }
        changed();
    }

    public Drawing draw(double width, FigureStyle style) {
        FeatureMapGrid g = grid.get();
        if (g == null) {
            return status.get() == null ? null : Drawing.note(status.get(), width, style);
        }
        return FeatureMapsFigure.draw(g,
                new FeatureMapsFigure.Options(session().colormapProperty().get(), tileSize.get(), 0), width, style);
    }

    @Override
    public String readout(Object target) {
        FeatureMapGrid g = grid.get();
        if (!(target instanceof FeatureMapsFigure.TilePixel px) || g == null) {
            return null;
        }
        FeatureMapGrid.Tile tile = px.tile();
        String weightName = g.split() == FeatureMaps.FUSED ? "max_r a_r" : "a_" + g.split();
        return String.format(Locale.ROOT,
                "%s · %s · channel c = %d (group k = %d, c = %d within it) · (h, w) = (%d, %d): %s · tile min %s, max %s, "
                        + "mean %s · %s = %s%s",
                g.block(), g.sourceName(), tile.channel(), tile.group(), tile.channel() % g.groupChannels(), px.y(),
                px.x(), ColorBars.exact(tile.values()[px.y() * g.width() + px.x()]), ColorBars.exact(tile.min()),
                ColorBars.exact(tile.max()), ColorBars.exact(tile.mean()), weightName, ColorBars.exact(tile.weight()),
                tile.constant() ? " · constant map" : "");
    }

    @Override
    public FigureRequest request() {
        FigureRequest r = baseRequest();
        return r == null ? null : r.withFeatureMaps(order.get(), FigureRequest.FILE_COLUMNS, 0);
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

    /** Null while the block's split maps are being captured (the figure says so). */
    public ReadOnlyObjectProperty<FeatureMapGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }
}
