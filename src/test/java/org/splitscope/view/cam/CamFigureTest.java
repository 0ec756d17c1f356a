package org.splitscope.view.cam;

import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Hit;
import org.splitscope.figure.Records;
import org.splitscope.view.heatmaps.HeatmapFigure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.view.heatmaps.ContributionMaps;
import org.splitscope.render.Colormap;

/** The Grad-CAM figure from a hand-made record: what is under each hit region is what it names. */
class CamFigureTest {
    private static final FigureStyle SCREEN = FigureStyle.screen(false);

    /** An 8×8 input whose CAM is the left half lit (1) and the right half dark (0), 4×4 split maps. */
    static CamEvidence evidence(ContributionMaps maps) {
        float[] onInput = new float[64];
        for (int i = 0; i < 64; i++) {
            onInput[i] = i % 8 < 4 ? 1 : 0;
        }
        float[] raw = {3, 0, 3, 0};
        return new CamEvidence("layer2.0", "layer2.0.conv2", CamMethod.GRADCAM,
                new CamResult.Explained(4, "Coat", 2.5f), 0.75, 2, 2, raw, 8, 8, onInput, maps,
                maps == null ? null : new double[] {0.6, 0.4}, maps == null ? null : new double[] {-0.9, Double.NaN});
    }

    @Test
    void theCamAndEachSplitMapAnswerWhereTheyAreDrawn() {
        Drawing d = CamFigure.draw(evidence(Records.maps()), Records.input(),
                new CamFigure.Options(Colormap.VIRIDIS, 1.0, 150), 700, SCREEN);
        BufferedImage image = FigureFiles.image(d, 72);
        assertEquals(4, d.hits().size(), "input, CAM, two splits");
        Hit camPanel = d.hits().get(1);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                Point2D p = camPanel.centre(x, y);
                var px = assertInstanceOf(CamFigure.CamPixel.class, d.hit(p.getX(), p.getY()));
                assertEquals(List.of(x, y), List.of(px.x(), px.y()));
            }
        }
        // Opacity 1: the CAM panel shows the colormap alone — bright in the lit half, dark in the other.
        int lit = Colormap.VIRIDIS.argb(1) & 0xFFFFFF;
        int dark = Colormap.VIRIDIS.argb(0) & 0xFFFFFF;
        Point2D left = camPanel.centre(1, 4);
        Point2D right = camPanel.centre(6, 4);
        assertEquals(lit, image.getRGB((int) left.getX(), (int) left.getY()) & 0xFFFFFF);
        assertEquals(dark, image.getRGB((int) right.getX(), (int) right.getY()) & 0xFFFFFF);

        Hit split1 = d.hits().get(3);
        assertTrue(split1.area().getMinY() > camPanel.area().getMaxY(), "the splits below the CAM");
        assertEquals(camPanel.area().getWidth(), split1.area().getWidth(), 1e-9, "R = 2: panels of one size");
        Point2D p = split1.centre(3, 1);
        var mp = assertInstanceOf(HeatmapFigure.MapPixel.class, d.hit(p.getX(), p.getY()));
        assertEquals(List.of(1, 3, 1), List.of(mp.split(), mp.x(), mp.y()));
        assertTrue(d.hits().stream().allMatch(h -> h.area().getMaxX() <= d.width()), "nothing clipped on the right");
        assertEquals("a = 0.400 · ρ = –", CamFigure.footer(evidence(Records.maps()), 1), "flat: no ρ");
    }

    @Test
    void whileTheSplitMapsAreCapturedOnlyTheCamAnswers() {
        Drawing d = CamFigure.draw(evidence(null), Records.input(), new CamFigure.Options(Colormap.MAGMA, 0.6, 150), 500,
                SCREEN);
        assertEquals(2, d.hits().size());
        CamEvidence e = evidence(null);
        assertEquals(3, e.rawAt(1, 1), 0, "input (1, 1) lies in raw cell (0, 0)");
        assertEquals(0, e.rawAt(6, 1), 0);
    }
}
