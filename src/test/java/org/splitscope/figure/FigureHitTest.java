package org.splitscope.figure;

import org.splitscope.view.featuremaps.FeatureMapsFigure;
import org.splitscope.view.gap.GapFigure;
import org.splitscope.view.heatmaps.HeatmapFigure;
import org.splitscope.view.splitbars.SplitBarsFigure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.view.featuremaps.FeatureMapGrid;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;
import org.splitscope.render.ValueRange;

/** The layout that paints is the layout that answers the mouse: under each hit region is what it names. */
class FigureHitTest {
    private static final FigureStyle SCREEN = FigureStyle.screen(false);

    /** The drawing at 1 pixel per unit. */
    private static BufferedImage paint(Drawing d) {
        return FigureFiles.image(d, 72);
    }

    @Test
    void everyAttentionCellHasItsWeightsColourAtItsCentre() {
        AttentionMatrix m = Records.matrix();
        HeatmapFigure.Options o = new HeatmapFigure.Options(Colormap.VIRIDIS, AttentionScale.FIXED, 0.6, 300);
        Drawing d = HeatmapFigure.matrix(m, o, 700, SCREEN);
        BufferedImage image = paint(d);
        ValueRange range = HeatmapFigure.matrixRange(m, o);
        int cells = 0;
        for (Hit h : d.hits()) {
            for (int r = 0; r < h.rows(); r++) {
                for (int c = 0; c < h.columns(); c++) {
                    Point2D p = h.centre(c, r);
                    HeatmapFigure.Cell cell = assertInstanceOf(HeatmapFigure.Cell.class, d.hit(p.getX(), p.getY()));
                    int expected = Colormap.VIRIDIS.argb(range.normalize(m.weight(cell.group(), cell.split(),
                            cell.channel()))) & 0xFFFFFF;
                    assertEquals(expected, image.getRGB((int) p.getX(), (int) p.getY()) & 0xFFFFFF,
                            "cell " + cell + " at " + p);
                    cells++;
                }
            }
        }
        assertEquals(2 * 2 * 6, cells, "R × K × C/K cells");
        assertNull(d.hit(1, 1), "the title is not a cell");
    }

    @Test
    void everyFeatureMapPixelIsWhereItsHitSays() {
        FeatureMapGrid grid = Records.grid();
        Drawing d = FeatureMapsFigure.draw(grid, new FeatureMapsFigure.Options(Colormap.MAGMA, 60, 0), 500, SCREEN);
        BufferedImage image = paint(d);
        assertEquals(6, d.hits().size());
        for (Hit h : d.hits()) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    Point2D p = h.centre(x, y);
                    var px = assertInstanceOf(FeatureMapsFigure.TilePixel.class, d.hit(p.getX(), p.getY()));
                    assertEquals(x, px.x());
                    assertEquals(y, px.y());
                    int expected = FeatureMapsFigure.raster(grid, px.tile(), Colormap.MAGMA).get(x, y) & 0xFFFFFF;
                    assertEquals(expected, image.getRGB((int) p.getX(), (int) p.getY()) & 0xFFFFFF,
                            "crisp pixels: tile c " + px.tile().channel() + " (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void barsOverviewAndHistogramsAnswerWhereTheyAreDrawn() {
        SplitBarsFigure.Options o = new SplitBarsFigure.Options(Colormap.VIRIDIS, SplitBarsFigure.Whiskers.MIN_MAX,
                false, "layer2.0");
        Drawing bars = SplitBarsFigure.draw(Records.bars(), o, 800, SCREEN);
        BufferedImage image = paint(bars);
        int barHits = 0;
        for (Hit h : bars.hits()) {
            Object t = h.target(h.area().getCenterX(), h.area().getCenterY());
            if (t instanceof SplitBarsFigure.Bar bar) {
                barHits++;
                // the bar itself, low in its slot: the split's colour
                double y = h.area().getMaxY() - 3;
                int expected = SplitBarsFigure.splitColour(Colormap.VIRIDIS, bar.split(), 2) & 0xFFFFFF;
                assertEquals(expected, image.getRGB((int) h.area().getCenterX() + 4, (int) y) & 0xFFFFFF, bar.toString());
            }
        }
        assertEquals(4, barHits, "K × R bars");
        long blocks = bars.hits().stream().filter(h -> h.target(h.area().getCenterX(), h.area().getCenterY())
                instanceof SplitBarsFigure.Block).count();
        assertEquals(3, blocks, "one cell per block in the overview");

        Drawing gap = GapFigure.draw(Records.gap(), new GapFigure.Options(Colormap.VIRIDIS), 800, SCREEN);
        assertEquals(8, gap.hits().size(), "4 bins × 2 groups");
        Hit first = gap.hits().get(0);
        var bin = assertInstanceOf(GapFigure.Bin.class, first.target(first.area().getCenterX(), first.area().getCenterY()));
        assertEquals(0, bin.group());
        assertEquals(0, bin.bin());
        assertTrue(gap.hits().stream().allMatch(h -> h.area().getMaxX() <= gap.width()), "nothing clipped on the right");
    }
}
