package org.splitscope.view.depth;

import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureStyle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.render.Colormap;

/** The depth profile answers the mouse where it paints: each block's column names that block. */
class DepthFigureHitTest {
    private static final FigureStyle SCREEN = FigureStyle.screen(false);
    private static final String[] NAMES = {"layer1.0", "layer1.1", "layer2.0", "layer2.1", "layer2.2", "layer3.0",
        "layer4.0"};

    /** R = 2 (or 1): entropy falling and saturation rising with depth, split 0 gaining. */
    static DepthProfile profile(int radix) {
        List<DepthProfile.Block> blocks = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            double t = i / (NAMES.length - 1.0);
            double[] mean = radix == 1 ? new double[] {0.3 + 0.5 * t} : new double[] {0.5 + 0.3 * t, 0.5 - 0.3 * t};
            double[] std = radix == 1 ? new double[] {0.1} : new double[] {0.05, 0.05};
            blocks.add(new DepthProfile.Block(NAMES[i], DepthProfile.stage(NAMES[i]), radix, 16,
                    radix == 1 ? Double.NaN : 1 - 0.6 * t, radix == 1 ? Double.NaN : 0.1, 0.4 * t, mean, std));
        }
        return new DepthProfile(blocks);
    }

    @Test
    void everyBlocksColumnAnswersWithThatBlockAndTheSelectedOneIsHighlighted() {
        DepthProfile d = profile(2);
        Drawing drawing = DepthFigure.draw(d, new DepthFigure.Options(Colormap.VIRIDIS, "layer2.1"), 640, SCREEN);
        assertEquals(NAMES.length, drawing.hits().size(), "one column per block");
        BufferedImage image = FigureFiles.image(drawing, 72);
        int grid = SCREEN.grid().getRGB() & 0xFFFFFF;
        for (int i = 0; i < NAMES.length; i++) {
            Rectangle2D a = drawing.hits().get(i).area();
            for (double y = a.getMinY() + 1; y < a.getMaxY(); y += 7) {
                var p = assertInstanceOf(DepthFigure.Point.class, drawing.hit(a.getCenterX(), y));
                assertEquals(new DepthFigure.Point(i, NAMES[i]), p);
            }
            // Down the column near its left edge: the selected block's column is filled in the grid colour.
            int filled = 0;
            for (int y = (int) a.getMinY(); y < a.getMaxY(); y++) {
                filled += (image.getRGB((int) (a.getMinX() + 2), y) & 0xFFFFFF) == grid ? 1 : 0;
            }
            assertTrue(i == 3 ? filled > 200 : filled < 30, NAMES[i] + (i == 3 ? " is highlighted" : " is not") + ": "
                    + filled);
            assertTrue(a.getMaxX() <= drawing.width() + 1e-9, "nothing beyond the right edge");
        }
        assertNull(drawing.hit(2, 2), "the title is not a block");
        String line = DepthFigure.describe(d, new DepthFigure.Point(3, "layer2.1"));
        assertTrue(line.startsWith("layer2.1 (R = 2, 16 channels) · entropy 0.7 ± 0.1 · saturation 0.2"), line);
        assertTrue(line.contains("mean a_r r = 0: 0.65, r = 1: 0.35"), line);
    }

    @Test
    void gatesShowTheGateMeanInsteadOfEntropyAndSaySo() {
        DepthProfile d = profile(1);
        Drawing gates = DepthFigure.draw(d, new DepthFigure.Options(Colormap.VIRIDIS, "layer1.0"), 640, SCREEN);
        Drawing splits = DepthFigure.draw(profile(2), new DepthFigure.Options(Colormap.VIRIDIS, "layer1.0"), 640,
                SCREEN);
        assertEquals(List.of(DepthFigure.Panel.GATE, DepthFigure.Panel.SATURATION), DepthFigure.panels(d));
        assertTrue(gates.height() < splits.height(), "two panels, not three");
        assertEquals(NAMES.length, gates.hits().size());
        String line = DepthFigure.describe(d, new DepthFigure.Point(0, "layer1.0"));
        assertEquals("layer1.0 (R = 1, 16 channels) · gate mean 0.3 ± 0.1 · saturation 0", line);
        assertTrue(DepthFigure.title(d).contains("gate mean and saturation instead of entropy"));
        assertNotEquals(0, FigureFiles.image(gates, 72).getWidth());
    }

    @Test
    void aBandPastTheAxisIsCutVisiblyAndTheHeaderSaysSo() {
        // entropy 1 − 0.6 t ± 0.1: at the first block mean + std = 1.1, past the axis's 1
        Drawing cut = DepthFigure.draw(profile(2), new DepthFigure.Options(Colormap.VIRIDIS, "layer2.1"), 640, SCREEN);
        assertTrue(Draw.placedText(cut).stream().anyMatch(t -> t.text().contains("cut at the axis")));
        List<DepthProfile.Block> inside = new ArrayList<>();
        for (DepthProfile.Block b : profile(2).blocks()) {
            inside.add(new DepthProfile.Block(b.name(), b.stage(), b.radix(), b.channels(), 0.5, 0.1, b.saturation(),
                    b.splitMean(), b.splitStd()));
        }
        Drawing plain = DepthFigure.draw(new DepthProfile(inside), new DepthFigure.Options(Colormap.VIRIDIS,
                "layer2.1"), 640, SCREEN);
        assertTrue(Draw.placedText(plain).stream().noneMatch(t -> t.text().contains("cut at the axis")));
    }
}
