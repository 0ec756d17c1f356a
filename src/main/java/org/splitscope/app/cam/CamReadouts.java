package org.splitscope.app.cam;

import java.util.Locale;
import org.splitscope.view.cam.CamEvidence;
import org.splitscope.view.heatmaps.ContributionMaps;
import org.splitscope.view.cam.CamFigure;
import org.splitscope.view.heatmaps.HeatmapFigure;
import org.splitscope.render.ColorBars;

/** The hover line of the Grad-CAM view: under the pointer, the CAM and what each split adds at the same place. */
final class CamReadouts {
    private CamReadouts() {}

    /** @return null where the target is not part of this figure */
    static String of(CamEvidence e, Object target) {
        ContributionMaps c = e.contributions();
        String head = e.block() + " · " + e.method().displayName() + " for " + e.explained().label();
        if (target instanceof CamFigure.CamPixel px) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "%s · input (h, w) = (%d, %d) of %d×%d: CAM = %s (raw %s)", head, px.y(), px.x(), e.inputHeight(),
                    e.inputWidth(), ColorBars.exact(e.camAt(px.x(), px.y())), ColorBars.exact(e.rawAt(px.x(), px.y()))));
            if (c != null) {
                int[] cell = e.contributionCell(px.x(), px.y());
                s.append(" · Σ a·U there:");
                for (int r = 0; r < c.radix(); r++) {
                    s.append(r == 0 ? " " : ", ").append("r = ").append(r).append(" → ")
                            .append(ColorBars.exact(c.value(r, cell[0], cell[1])));
                }
            }
            return s.toString();
        }
        if (target instanceof HeatmapFigure.MapPixel px && c != null) {
            int[] in = e.inputPixel(px.x(), px.y());
            return String.format(Locale.ROOT, "%s · split r = %d · %s · map (h, w) = (%d, %d) of %d×%d: Σ a·U = %s · "
                    + "CAM there = %s", head, px.split(), c.group() < 0 ? "all groups" : "group k = " + c.group(),
                    px.y(), px.x(), c.height(), c.width(), ColorBars.exact(c.value(px.split(), px.x(), px.y())),
                    ColorBars.exact(e.camAt(in[0], in[1])));
        }
        return null;
    }
}
