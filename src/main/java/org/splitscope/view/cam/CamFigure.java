package org.splitscope.view.cam;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.figure.ViewData;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Hit;
import org.splitscope.figure.PanelRow;
import org.splitscope.view.heatmaps.HeatmapFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;
import org.splitscope.render.Overlays;
import org.splitscope.render.Raster;
import org.splitscope.render.ValueRange;

/**
 * The Grad-CAM view: the input and the class activation map over it, and below, drawn as in the
 * heatmap view, the same block's split contribution maps, each with its mean attention and its
 * correlation with the CAM — is the split that attention prefers where the class evidence is?
 */
public final class CamFigure {
    /** @param maxPanel the largest side of a panel (the window keeps them on screen) */
    public record Options(Colormap colormap, double opacity, double maxPanel) {}

    /** Hover target: input pixel (x, y), on the input or on the CAM. */
    public record CamPixel(int x, int y) {}

    private CamFigure() {}

    public static Drawing draw(CamEvidence e, Raster input, Options o, double width, FigureStyle s) {
        return Drawing.column(s, List.of(cam(e, input, o, width, s), contributions(e, input, o, width, s)));
    }

    /** The CAM's colour scale: 0 … 1 (min–max normalised), the upper half of a diverging map. */
    public static ValueRange range(Colormap colormap) {
        return ValueRange.of(0, 1).forColormap(colormap);
    }

    static Drawing cam(CamEvidence e, Raster input, Options o, double width, FigureStyle s) {
        ValueRange range = range(o.colormap());
        String method = e.method().displayName();
        String title = String.format(Locale.ROOT, "%s for “%s” (class %d, p = %.3f) at %s · %s", method,
                e.explained().label(), e.explained().index(), e.probability(), e.block(),
                e.atSplitAttention() ? e.words().adjective() + " output " + e.words().outputSymbol() : "block output");
        int w = e.inputWidth();
        int h = e.inputHeight();
        Hit.Cell pixel = CamPixel::new;
        List<PanelRow.Panel> panels = List.of(
                new PanelRow.Panel("input", null, pixels -> input, w, h, pixel),
                new PanelRow.Panel(method, null, pixels -> Overlays.overlay(input, e.onInput(), w, h,
                        o.colormap(), range, o.opacity(), pixels, pixels), w, h, pixel));
        String note = String.format(Locale.ROOT, "CAM %d×%d at %s: ReLU of the gradient-weighted activations, "
                + "min–max normalised, bilinear to the %d×%d input · logit %.3f · %s, and ρ, the correlation of "
                + "its map with the CAM over the input's pixels", e.height(), e.width(), e.target(), h, w,
                e.explained().logit(), e.words().channelGate() ? "below the gated map: g, the mean gate"
                : "below each " + e.words().unit() + ": a, its mean attention");
        return PanelRow.draw(title, panels, new PanelRow.Bar(o.colormap(), range, "CAM (normalised)"), note,
                o.maxPanel(), width, s);
    }

    static Drawing contributions(CamEvidence e, Raster input, Options o, double width, FigureStyle s) {
        List<String> footers = null;
        if (e.contributions() != null) {
            footers = new ArrayList<>();
            for (int r = 0; r < e.contributions().radix(); r++) {
                footers.add(footer(e, r));
            }
        }
        return HeatmapFigure.contributions(e.contributions(), "Capturing the " + e.words().maps() + " of " + e.block()
                + "…", input,
                new HeatmapFigure.Options(o.colormap(), AttentionScale.FIXED, o.opacity(), o.maxPanel()), footers,
                width, s);
    }

    /** Under split r (path m, the gate): its mean attention and its map's correlation with the CAM. */
    static String footer(CamEvidence e, int r) {
        double rho = e.correlation()[r];
        return String.format(Locale.ROOT, "%s = %.3f · ρ = %s", e.words().channelGate() ? "g" : "a",
                e.meanAttention()[r],
                Double.isNaN(rho) ? "–" : String.format(Locale.ROOT, "%.2f", rho));
    }

    /**
     * The Grad-CAM view's numbers, one value a row: the raw CAM on its own grid, each split's
     * contribution map, and per split its mean attention and correlation with the CAM.
     */
    public static ViewData data(CamEvidence e) {
        List<List<Object>> rows = new ArrayList<>();
        String label = e.explained().label();
        int index = e.explained().index();
        for (int y = 0; y < e.height(); y++) {
            for (int x = 0; x < e.width(); x++) {
                rows.add(List.of(e.target(), index, label, "cam", "", y, x, e.map()[y * e.width() + x]));
            }
        }
        var c = e.contributions();
        if (c != null) {
            for (int r = 0; r < c.radix(); r++) {
                for (int y = 0; y < c.height(); y++) {
                    for (int x = 0; x < c.width(); x++) {
                        rows.add(List.of(e.block(), index, label, "contribution", r, y, x, c.value(r, x, y)));
                    }
                }
            }
            for (int r = 0; r < c.radix(); r++) {
                rows.add(List.of(e.block(), index, label, "mean_attention", r, "", "", e.meanAttention()[r]));
                rows.add(List.of(e.block(), index, label, "correlation_with_cam", r, "", "", e.correlation()[r]));
            }
        }
        // the row column is named as the block's rows are: split, path (SK) or gate (SE, ECA)
        return new ViewData(List.of("at", "class", "label", "quantity", e.words().unit(), "y", "x", "value"), rows);
    }
}
