package org.splitscope.view.featuremaps;

import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.TextBlock;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;
import org.splitscope.render.Heatmaps;
import org.splitscope.render.Raster;
import org.splitscope.render.ValueRange;

/**
 * A grid of channel maps, each on its own min – max, drawn as crisp pixels (nearest neighbour), with
 * the channel and its attention weight under each; flat maps get a dashed frame.
 */
public final class FeatureMapsFigure {
    /**
     * @param tile the tile width when {@code columns} is 0 (the window's zoom)
     * @param columns a fixed number of columns sharing the width (files), or 0
     */
    public record Options(Colormap colormap, double tile, int columns) {}

    /** Hover target: pixel (x, y) of a tile. */
    public record TilePixel(FeatureMapGrid.Tile tile, int x, int y) {}

    private FeatureMapsFigure() {}

    /** The tile's colours: its own range; a constant map in the low colour, not mid-scale. */
    public static Raster raster(FeatureMapGrid grid, FeatureMapGrid.Tile t, Colormap colormap) {
        ValueRange own = ValueRange.of(t.min(), t.max());
        ValueRange shown = t.constant() ? ValueRange.of(t.min(), t.min() + 1) : own.forColormap(colormap);
        return Heatmaps.rasterize(t.values(), grid.width(), grid.height(), colormap, shown);
    }

    private static String label(FeatureMapGrid.Tile t, String weightName) {
        return "c " + t.channel() + " · " + weightName + ColorBars.label(t.weight(), 0.01);
    }

    public static Drawing draw(FeatureMapGrid grid, Options o, double width, FigureStyle s) {
        double p = s.pad();
        double gap = p * 0.75;
        String shown = grid.tiles().size() < grid.total()
                ? " (showing the first " + grid.tiles().size() + " of " + grid.total() + ")" : "";
        TextBlock caption = TextBlock.of(String.format(Locale.ROOT, "%s of %s, %s: %d channels, %d×%d each%s",
                grid.sourceName(), grid.block(), grid.groupName(), grid.total(), grid.height(), grid.width(), shown),
                s.title(), width - 2 * p);
        double captionH = caption.height() + p;
        double legendH = Fonts.lineHeight(s.small()) * 1.5;
        double top = captionH + legendH + p * 0.5;
        double usable = width - 2 * p;
        int cols = o.columns() > 0 ? o.columns() : Math.max(1, (int) ((usable + gap) / (o.tile() + gap)));
        double tileW = o.columns() > 0 ? (usable - (cols - 1) * gap) / cols : o.tile();
        double tileH = tileW * grid.height() / Math.max(1, grid.width());
        // "c 12 · a 0.53" under a tile, or on two lines when tiles are narrow (a paper column).
        String symbol = grid.words().channelGate() ? "g " : "a ";
        String weightName = grid.split() == FeatureMaps.FUSED ? (grid.words().gate() ? symbol : "max " + symbol) : symbol;
        boolean twoLines = grid.tiles().stream().anyMatch(t -> Fonts.width(s.small(), label(t, weightName)) > tileW);
        double labelH = Fonts.lineHeight(s.small()) * (twoLines ? 2.15 : 1.25);
        double cellH = tileH + labelH + gap;
        int rows = (grid.tiles().size() + cols - 1) / cols;
        double height = top + rows * cellH + p;
        List<Raster> rasters = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < grid.tiles().size(); i++) {
            FeatureMapGrid.Tile t = grid.tiles().get(i);
            rasters.add(raster(grid, t, o.colormap()));
            double x = p + (i % cols) * (tileW + gap);
            double y = top + (i / cols) * cellH;
            hits.add(Hit.grid(new Rectangle2D.Double(x, y, tileW, tileH), grid.width(), grid.height(),
                    (c, r) -> new TilePixel(t, c, r)));
        }
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            caption.paint(g, p, p * 0.6);
            // legend: low → high, each tile on its own scale
            double ly = captionH + legendH / 2;
            g.setFont(s.small());
            g.setColor(s.muted());
            Draw.text(g, "low", p, ly, Draw.H.LEFT, Draw.V.CENTER);
            double bx = p + Fonts.width(s.small(), "low") + p * 0.5;
            double bw = s.labelSize() * 6;
            double bh = s.smallSize() * 0.9;
            for (int i = 0; i < 64; i++) {
                Draw.fill(g, Draw.colour(o.colormap().argb((i + 0.5) / 64)), bx + i * bw / 64, ly - bh / 2,
                        bw / 64 + (i == 63 ? 0 : bw / 128), bh);
            }
            Draw.frame(g, s, s.axis(), bx, ly - bh / 2, bw, bh);
            g.setColor(s.muted());
            g.setFont(s.small());
            Draw.text(g, "high (each tile: its own min – max)", bx + bw + p * 0.5, ly,
                    Draw.H.LEFT, Draw.V.CENTER);
            for (int i = 0; i < grid.tiles().size(); i++) {
                FeatureMapGrid.Tile t = grid.tiles().get(i);
                Rectangle2D a = hits.get(i).area();
                Draw.raster(g, s, rasters.get(i), a.getX(), a.getY(), a.getWidth(), a.getHeight());
                if (t.constant()) {
                    g.setColor(s.muted());
                    g.setStroke(Draw.dashed(s, 3, 2));
                    g.draw(a);
                } else {
                    Draw.frame(g, s, s.grid(), a.getX(), a.getY(), a.getWidth(), a.getHeight());
                }
                g.setColor(t.constant() ? s.muted() : s.text());
                g.setFont(s.small());
                String channel = "c " + t.channel();
                String weight = weightName + ColorBars.label(t.weight(), 0.01);
                double ty = a.getMaxY() + Fonts.lineHeight(s.small()) * 0.15;
                if (twoLines) {
                    Draw.text(g, Draw.fit(channel, s.small(), tileW), a.getX(), ty, Draw.H.LEFT, Draw.V.TOP);
                    Draw.text(g, Draw.fit(weight, s.small(), tileW), a.getX(), ty + Fonts.lineHeight(s.small()),
                            Draw.H.LEFT, Draw.V.TOP);
                } else {
                    Draw.text(g, label(t, weightName), a.getX(), ty, Draw.H.LEFT, Draw.V.TOP);
                }
            }
        }, hits);
    }
}
