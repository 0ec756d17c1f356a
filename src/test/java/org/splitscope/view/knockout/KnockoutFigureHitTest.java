package org.splitscope.view.knockout;

import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Hit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.render.Colormap;

/** The knock-out chart answers the mouse where it paints: each block's slot names that block and chart. */
class KnockoutFigureHitTest {
    private static final FigureStyle SCREEN = FigureStyle.screen(false);

    private static KnockoutResult result(boolean labels) {
        return new KnockoutResult("tiny", null, "samples", "uniform", 12, labels ? 12 : 0, labels ? 0.75 : null, List.of(
                new KnockoutResult.Effect("layer1.0", 1, -0.8, -0.05, labels ? -0.25 : null, 0.25, null),
                new KnockoutResult.Effect("layer2.0", 2, 0.4, 0.02, labels ? 0.0833 : null, 0.1, null),
                new KnockoutResult.Effect("layer2.1", 2, -1.6, -0.12, labels ? -0.5 : null, 0.5, null),
                new KnockoutResult.Effect("layer3.0", 3, 0.9, 0.07, labels ? 0.1667 : null, 0.0, null)));
    }

    @Test
    void everyBarIsUnderItsHitInItsSignsColour() {
        KnockoutResult k = result(true);
        Drawing d = KnockoutFigure.draw(k, new KnockoutFigure.Options(Colormap.COOLWARM), 600, SCREEN);
        BufferedImage image = FigureFiles.image(d, 72);
        assertEquals(3 * 4, d.hits().size(), "measures × blocks");
        for (Hit h : d.hits()) {
            Rectangle2D a = h.area();
            var bar = assertInstanceOf(KnockoutFigure.Bar.class, d.hit(a.getCenterX(), a.getMinY() + 1));
            double v = bar.measure().of(k.blocks().get(bar.block()));
            // the bar runs from zero towards its value: find its colour in the slot's middle column
            int expected = KnockoutFigure.barColour(Colormap.COOLWARM, v) & 0xFFFFFF;
            boolean found = false;
            for (int y = (int) a.getMinY(); y < a.getMaxY() && !found; y++) {
                found = (image.getRGB((int) a.getCenterX(), y) & 0xFFFFFF) == expected;
            }
            assertTrue(found, bar + " (" + v + ") is drawn in its slot");
        }
        List<KnockoutFigure.Bar> order = d.hits().stream().limit(4)
                .map(h -> (KnockoutFigure.Bar) h.target(h.area().getCenterX(), h.area().getCenterY())).toList();
        assertEquals(List.of(0, 1, 2, 3), order.stream().map(KnockoutFigure.Bar::block).toList(), "depth order");
        assertTrue(d.hits().stream().allMatch(h -> h.area().getMaxX() <= d.width()), "nothing clipped on the right");
        assertNull(d.hit(1, 1), "the title is not a bar");
        assertEquals("layer2.1 knocked out (uniform): Δ logit -1.600", KnockoutFigure.describe(k, order.get(2)));
    }

    @Test
    void withoutLabelsThereIsNoAccuracyChart() {
        Drawing d = KnockoutFigure.draw(result(false), new KnockoutFigure.Options(Colormap.VIRIDIS), 400, SCREEN);
        assertEquals(2 * 4, d.hits().size());
        assertTrue(d.hits().stream().noneMatch(h -> ((KnockoutFigure.Bar) h.target(h.area().getCenterX(),
                h.area().getCenterY())).measure() == KnockoutFigure.Measure.TOP1));
    }
}
