package org.splitscope.view.heatmaps;

import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.PanelRow;
import org.splitscope.figure.TextBlock;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.model.AttentionWords;
import org.splitscope.model.Mechanism;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;
import org.splitscope.render.Heatmaps;
import org.splitscope.render.Overlays;
import org.splitscope.render.Raster;
import org.splitscope.render.ValueRange;

/**
 * The heatmap view: a block's attention matrix per cardinal group (splits × channels) with its
 * colour bar beside it, and below it each split's contribution map laid over the input, all on one
 * colour scale.
 */
public final class HeatmapFigure {
    /** @param maxPanel the largest side of a contribution panel (the window keeps them on screen) */
    public record Options(Colormap colormap, AttentionScale scale, double opacity, double maxPanel) {}

    /** Hover target: one weight a_r(c) of group k. */
    public record Cell(int group, int split, int channel) {}

    /** Hover target: one pixel (x, y) of split r's contribution map. */
    public record MapPixel(int split, int x, int y) {}

    private HeatmapFigure() {}

    /**
     * @param maps null while the split maps are being captured; {@code status} says so
     * @param input the input as the network saw it
     */
    public static Drawing draw(AttentionMatrix matrix, ContributionMaps maps, String status, Raster input, Options o,
            double width, FigureStyle s) {
        return Drawing.column(s, List.of(matrix(matrix, o, width, s), contributions(maps, status, input, o, width, s)));
    }

    /** The colour scale of the matrix under these options. */
    public static ValueRange matrixRange(AttentionMatrix m, Options o) {
        return o.scale().range(m.weights(), m.radix(), o.colormap());
    }

    public static Drawing matrix(AttentionMatrix m, Options o, double width, FigureStyle s) {
        ValueRange range = matrixRange(m, o);
        AttentionWords w = m.words();
        String rows = w.gate() ? "gate" : w.unitsInWords();
        // split attention keeps its reviewed title; the other mechanisms say theirs and their gate function
        String what = w.mechanism() == Mechanism.SPLAT ? "Attention a_r(c) of " + m.block() + ": splits"
                : (w.gate() ? "Gate " : "Attention ") + w.symbol() + " of " + m.block() + " (" + w.name() + ", "
                + w.function() + "): " + rows;
        return matrix(m, what + " × channels, per cardinal group (colour scale " + o.scale()
                + (range.centered() ? ", neutral colour = " + w.neutralSymbol() + ")" : ")"), range, o.colormap(),
                w.symbol(), width, s);
    }

    /**
     * Any per-split, per-channel values laid out as the attention matrix (a second image's attention
     * on a shared scale, or a difference) under {@code title}, on {@code range} with a colour bar.
     */
    public static Drawing matrix(AttentionMatrix m, String heading, ValueRange range, Colormap colormap,
            String barLabel, double width, FigureStyle s) {
        double p = s.pad();
        int per = m.groupChannels();
        int radix = m.radix();
        TextBlock title = TextBlock.of(heading, s.title(), width - 2 * p);
        double titleH = title.height() + p;
        double smallH = Fonts.lineHeight(s.small());
        AttentionWords words = m.words();
        double rowLabel = 1;
        for (int r = 0; r < radix; r++) {
            rowLabel = Math.max(rowLabel, Fonts.width(s.small(), words.rowLabel(r)));
        }
        double left = p + Fonts.lineHeight(s.small()) * 1.4 + rowLabel + p * 0.6;
        double cell = Math.max(s.smallSize() * 1.3, Math.min(s.labelSize() * 2, s.labelSize() * 8 / radix));
        double groupTop = smallH * 1.3;
        double rows = radix * cell;
        double groupBottom = smallH * 1.5 + p * 0.5;
        double groupH = groupTop + rows + groupBottom;
        double top = titleH + p * 0.5;
        double matrixBottom = top + m.cardinality() * groupH;
        double barH = Math.max(s.labelSize() * 7, matrixBottom - top - groupTop - groupBottom);
        double barArea = s.smallSize() * 1.2 + Draw.colorBarWidth(s, range, barH);
        double matrixW = Math.max(s.labelSize() * 4, width - left - 2 * p - barArea);
        double barX = left + matrixW + p * 1.5;
        double height = Math.max(matrixBottom + Fonts.lineHeight(s.label()) + p, top + groupTop + barH + p);

        List<Raster> rasters = new ArrayList<>();
        List<Rectangle2D> areas = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        for (int k = 0; k < m.cardinality(); k++) {
            float[] grid = new float[radix * per];
            for (int r = 0; r < radix; r++) {
                for (int c = 0; c < per; c++) {
                    grid[r * per + c] = m.weight(k, r, c);
                }
            }
            rasters.add(Heatmaps.rasterize(grid, per, radix, colormap, range));
            Rectangle2D area = new Rectangle2D.Double(left, top + k * groupH + groupTop, matrixW, rows);
            areas.add(area);
            int group = k;
            hits.add(Hit.grid(area, per, radix, (c, r) -> new Cell(group, r, c)));
        }
        int step = channelStep(per, Math.max(2, (int) (matrixW / (s.smallSize() * 5))));
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            for (int k = 0; k < m.cardinality(); k++) {
                Rectangle2D a = areas.get(k);
                g.setColor(s.muted());
                g.setFont(s.small());
                Draw.text(g, "group k = " + k + " (C/K = " + per + " channels)", left, a.getY() - smallH * 0.25,
                        Draw.H.LEFT, Draw.V.BOTTOM);
                Draw.raster(g, s, rasters.get(k), a.getX(), a.getY(), a.getWidth(), a.getHeight());
                Draw.frame(g, s, s.axis(), a.getX(), a.getY(), a.getWidth(), a.getHeight());
                g.setColor(s.text());
                for (int r = 0; r < radix; r++) {
                    Draw.text(g, words.rowLabel(r), left - p * 0.6, a.getY() + (r + 0.5) * cell,
                            Draw.H.RIGHT, Draw.V.CENTER);
                }
                Draw.vertical(g, words.axis(), p + smallH * 0.5, a.getCenterY());
                double tick = s.smallSize() * 0.4;
                for (int c = 0; c < per; c += step) {
                    double x = left + (c + 0.5) / per * matrixW;
                    g.setColor(s.axis());
                    Draw.line(g, x, a.getMaxY(), x, a.getMaxY() + tick);
                    g.setColor(s.muted());
                    Draw.text(g, Integer.toString(c), x, a.getMaxY() + tick * 1.5, Draw.H.CENTER, Draw.V.TOP);
                }
            }
            g.setColor(s.text());
            g.setFont(s.label());
            Draw.text(g, "channel c within its group (0 … C/K − 1)", left + matrixW / 2, matrixBottom - p * 0.25,
                    Draw.H.CENTER, Draw.V.TOP);
            Draw.colorBar(g, s, colormap, range, barX, top + groupTop, barH, barLabel);
        }, hits);
    }

    /** 1, 2, 5, 10, 20, 50 … : the smallest that gives at most {@code count} ticks over {@code n} channels. */
    static int channelStep(int n, int count) {
        int[] steps = {1, 2, 5};
        // (count: about how many labels fit)
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int i = 0; i < steps.length; i++) {
                int step = steps[i] * magnitude;
                if ((double) n / step <= count) {
                    // at least three labelled channels where there are three: the next smaller round step
                    while (step > 1 && (n + step - 1) / step < Math.min(3, n)) {
                        int lead = step;
                        while (lead >= 10) {
                            lead /= 10;
                        }
                        step = lead == 5 ? step / 5 * 2 : step / 2; // 100 → 50 → 20 → 10 → 5 → 2 → 1
                    }
                    return step;
                }
            }
        }
    }

    /** The shared colour scale of all splits' maps. */
    public static ValueRange mapRange(ContributionMaps c, Colormap colormap) {
        ValueRange range = null;
        for (float[] m : c.maps()) {
            range = range == null ? ValueRange.of(m) : range.union(ValueRange.of(m));
        }
        return (range == null ? ValueRange.of(0, 1) : range).forColormap(colormap);
    }

    public static Drawing contributions(ContributionMaps c, String status, Raster input, Options o, double width,
            FigureStyle s) {
        return contributions(c, status, input, o, null, width, s);
    }

    /**
     * Each split's contribution map over the input, all on one colour scale.
     *
     * @param footers a line under each split's panel (the Grad-CAM view's comparison), or null
     */
    public static Drawing contributions(ContributionMaps c, String status, Raster input, Options o,
            List<String> footers, double width, FigureStyle s) {
        String over = c == null || c.group() == SplitContributions.ALL_GROUPS ? "all groups" : "group k = " + c.group();
        AttentionWords w = c == null ? null : c.words();
        String title = w == null ? "Contributions to the block's output over " + over + ", on the input"
                : (w.channelGate() ? "Gated map " : w.sk() ? "Path contributions " : "Split contributions ")
                + w.contribution() + " over " + over + ", on the input";
        if (c == null) {
            return PanelRow.pending(title, status, width, s);
        }
        ValueRange range = mapRange(c, o.colormap());
        int n = c.maps().length;
        List<PanelRow.Panel> panels = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int split = r;
            panels.add(new PanelRow.Panel(w.channelGate() ? "gated map X·g" : n == 1 ? "gated split" : w.unit(r),
                    footers == null ? null : footers.get(r),
                    pixels -> Overlays.overlay(input, c.maps()[split], c.width(), c.height(), o.colormap(), range,
                            o.opacity(), pixels, pixels),
                    c.width(), c.height(), (x, y) -> new MapPixel(split, x, y)));
        }
        String note = String.format(Locale.ROOT, "maps %d×%d, bilinear to the %d×%d input · one colour scale%s "
                + "· %s in activation units%s", c.height(), c.width(), input.height(), input.width(),
                w.channelGate() ? "" : " for all " + w.units(),
                w.contributionShort(), range.centered() ? ", neutral colour = 0" : "");
        return PanelRow.draw(title, panels, new PanelRow.Bar(o.colormap(), range, w.contributionShort() + " (a.u.)"),
                note, o.maxPanel(),
                width, s);
    }
}
