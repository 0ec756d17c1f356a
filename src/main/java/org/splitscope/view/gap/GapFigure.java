package org.splitscope.view.gap;

import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.TextBlock;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.analysis.ChannelValue;
import org.splitscope.model.AttentionWords;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;
import org.splitscope.render.ValueRange;

/**
 * GAP statistics: per cardinal group the histogram of s^k on a value axis all groups share, its
 * mean ± std, and beside it (below it when narrow) the summary and the largest channels.
 */
public final class GapFigure {
    public record Options(Colormap colormap) {}

    /** Hover target: histogram bin {@code bin} of group k. */
    public record Bin(int group, int bin) {}

    private GapFigure() {}

    public static Drawing draw(GapHistograms gap, Options o, double width, FigureStyle s) {
        List<Drawing> rows = new ArrayList<>();
        rows.add(title(gap, width, s));
        for (int k = 0; k < gap.groups().size(); k++) {
            rows.add(group(gap, k, o, width, s));
        }
        return Drawing.column(s, rows);
    }

    /** "s^k: the pooled sum of the splits, input of fc1"; SE: "s: the pooled pre-gate map, input of fc1". */
    static String pooledWords(AttentionWords w) {
        String what = w.channelGate() ? "the pooled pre-gate map X" : w.sk() ? "the pooled sum of the paths"
                : "the pooled sum of the splits";
        return w.pooled() + ": " + what + ", input of " + w.pooledInto();
    }

    private static Drawing title(GapHistograms gap, double width, FigureStyle s) {
        double p = s.pad();
        TextBlock title = TextBlock.of("GAP statistics · " + gap.block()
                + " (" + pooledWords(gap.words()) + ")", s.title(), width - 2 * p);
        return new Drawing(width, title.height() + p, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
        }, List.of());
    }

    private static Drawing group(GapHistograms gap, int k, Options o, double width, FigureStyle s) {
        GapSummary sum = gap.groups().get(k);
        double p = s.pad();
        double line = Fonts.lineHeight(s.small()) * 1.2;
        boolean beside = width >= s.labelSize() * 42;
        double sideW = beside ? s.labelSize() * 20 : width - 2 * p;
        double headH = Fonts.lineHeight(s.label()) * 1.2 + p * 0.5;
        double top = headH + Fonts.lineHeight(s.small()) * 1.2;
        double bottom = top + s.labelSize() * 11;
        double chartH = bottom + Fonts.lineHeight(s.small()) * 1.3 + Fonts.lineHeight(s.label()) * 1.3 + p;
        double sideH = line * (4 + 1.5 + sum.top().size()) + p;
        double sideX = beside ? width - sideW - p : p * 2;
        double sideY = beside ? top : chartH;
        double height = beside ? Math.max(chartH, top + sideH) : chartH + sideH;

        int max = 1;
        for (int c : sum.counts()) {
            max = Math.max(max, c);
        }
        double yMax = max * 1.05;
        Draw.Ticks counts = Draw.ticks(0, yMax, bottom - top, s.smallSize() * 3.4, true);
        double axisLabel = p + Fonts.lineHeight(s.label()) * 0.6;
        double left = axisLabel + Fonts.lineHeight(s.label()) * 0.8 + counts.widest(s.small()) + s.smallSize();
        double right = (beside ? sideX - p * 2 : width - p * 2);
        double lo = gap.min();
        double hi = gap.max() > gap.min() ? gap.max() : gap.min() + 1;
        Draw.Ticks values = Draw.ticks(lo, hi, right - left, s.smallSize() * 7, false);
        ValueRange colour = ValueRange.of(lo, hi).forColormap(o.colormap());
        List<Hit> hits = new ArrayList<>();
        List<Rectangle2D> bars = new ArrayList<>();
        for (int i = 0; i < sum.counts().length; i++) {
            double x0 = left + (sum.binStart() + i * sum.binWidth() - lo) / (hi - lo) * (right - left);
            double x1 = left + (sum.binEnd(i) - lo) / (hi - lo) * (right - left);
            double y = bottom - sum.counts()[i] / yMax * (bottom - top);
            bars.add(new Rectangle2D.Double(x0, y, x1 - x0, bottom - y));
            hits.add(Hit.of(new Rectangle2D.Double(x0, top, x1 - x0, bottom - top), new Bin(k, i)));
        }
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            g.setFont(s.label());
            Draw.text(g, Draw.fit("group k = " + k + ": histogram of " + (gap.words().pooled().equals("s") ? "s" : "s^" + k) + " over its " + sum.channels()
                    + " channels", s.label(), width - 2 * p), p, p * 0.5, Draw.H.LEFT, Draw.V.TOP);
            Draw.valueAxis(g, s, counts, left, top, bottom, right, 0, yMax, "channels", axisLabel);
            band(g, s, sum, left, right, top, bottom, lo, hi);
            for (int i = 0; i < bars.size(); i++) {
                Rectangle2D b = bars.get(i);
                double centre = sum.binStart() + (i + 0.5) * sum.binWidth();
                double inset = Math.min(s.line(), b.getWidth() * 0.1);
                Draw.fill(g, Draw.colour(o.colormap().argb(colour.normalize(centre))), b.getX() + inset, b.getY(),
                        Math.max(s.line() * 0.5, b.getWidth() - 2 * inset), b.getHeight());
            }
            g.setColor(s.axis());
            g.setStroke(new BasicStroke(s.line()));
            Draw.line(g, left, bottom, right, bottom);
            g.setFont(s.small());
            double tick = s.smallSize() * 0.4;
            for (int i = 0; i < values.values().size(); i++) {
                double x = left + (values.values().get(i) - lo) / (hi - lo) * (right - left);
                g.setColor(s.axis());
                Draw.line(g, x, bottom, x, bottom + tick);
                g.setColor(s.muted());
                Draw.text(g, values.labels().get(i), x, bottom + tick * 1.5, Draw.H.CENTER, Draw.V.TOP);
            }
            g.setColor(s.text());
            g.setFont(s.label());
            Draw.text(g, Draw.fit(beside ? gap.words().pooledFrom() + " per channel (activation, a.u.)"
                    : gap.words().pooled() + " per channel (a.u.)", s.label(), right - left), (left + right) / 2,
                    bottom + tick * 1.5 + Fonts.lineHeight(s.small()) * 1.05, Draw.H.CENTER, Draw.V.TOP); // below the ticks' labels
            meanBand(g, s, sum, left, right, top, bottom, lo, hi);
            side(g, s, o, sum, gap.words().pooled(), colour, sideX, sideY, sideW, line);
        }, hits);
    }

    /** ± std around the mean, behind the bars, clipped to the plot. */
    private static void band(Graphics2D g, FigureStyle s, GapSummary sum, double left, double right, double top,
            double bottom, double lo, double hi) {
        double mx = left + (sum.mean() - lo) / (hi - lo) * (right - left);
        double sx = sum.std() / (hi - lo) * (right - left);
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(left, top, right - left, bottom - top));
        Color a = s.accent();
        Draw.fill(g, new Color(a.getRed(), a.getGreen(), a.getBlue(), 36), mx - sx, top, 2 * sx, bottom - top);
        g.setClip(clip);
    }

    /** The mean, a line over the bars, and its label. */
    private static void meanBand(Graphics2D g, FigureStyle s, GapSummary sum, double left, double right, double top,
            double bottom, double lo, double hi) {
        double mx = left + (sum.mean() - lo) / (hi - lo) * (right - left);
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(left, top, right - left, bottom - top));
        Color a = s.accent();
        g.setColor(a);
        g.setStroke(new BasicStroke(s.line() * 2));
        Draw.line(g, mx, top, mx, bottom);
        g.setClip(clip);
        g.setFont(s.small());
        String label = "mean " + ColorBars.exact(sum.mean()) + " ± std (band)";
        double w = Fonts.width(s.small(), label);
        Draw.text(g, label, Math.max(left, Math.min(mx + s.pad() * 0.4, right - w)), top - 2, Draw.H.LEFT,
                Draw.V.BOTTOM);
    }

    private static void side(Graphics2D g, FigureStyle s, Options o, GapSummary sum, String pooled, ValueRange colour,
            double x, double y, double w, double line) {
        g.setFont(s.small());
        String[][] stats = {
            {"mean", ColorBars.exact(sum.mean())}, {"std", ColorBars.exact(sum.std())},
            {"min", ColorBars.exact(sum.min())}, {"max", ColorBars.exact(sum.max())}};
        double valueX = x + Fonts.width(s.small(), "mean") + s.pad();
        for (int i = 0; i < stats.length; i++) {
            g.setColor(s.muted());
            Draw.text(g, stats[i][0], x, y + i * line, Draw.H.LEFT, Draw.V.TOP);
            g.setColor(s.text());
            Draw.text(g, stats[i][1], valueX, y + i * line, Draw.H.LEFT, Draw.V.TOP);
        }
        double ty = y + 4.5 * line;
        g.setColor(s.muted());
        Draw.text(g, Draw.fit("largest channels (c within group: " + pooled + ")", s.small(), w), x, ty, Draw.H.LEFT, Draw.V.TOP);
        double labelW = Fonts.width(s.small(), "c 0000");
        double valueW = Fonts.width(s.small(), "-0.0000e+00");
        double barMax = Math.max(s.pad(), w - labelW - valueW - s.pad());
        for (int i = 0; i < sum.top().size(); i++) {
            ChannelValue cv = sum.top().get(i);
            double ry = ty + (i + 1) * line;
            g.setColor(s.text());
            Draw.text(g, "c " + cv.channel(), x, ry, Draw.H.LEFT, Draw.V.TOP);
            double len = sum.max() > 0 ? Math.max(s.line(), cv.value() / sum.max() * barMax) : s.line();
            Draw.fill(g, Draw.colour(o.colormap().argb(colour.normalize(cv.value()))), x + labelW, ry + line * 0.15, len,
                    line * 0.6);
            g.setColor(s.muted());
            Draw.text(g, ColorBars.exact(cv.value()), x + labelW + len + s.pad() * 0.4, ry, Draw.H.LEFT, Draw.V.TOP);
        }
    }
}
