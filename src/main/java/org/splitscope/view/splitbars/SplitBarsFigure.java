package org.splitscope.view.splitbars;

import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.TextBlock;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.analysis.SplitStats;
import org.splitscope.model.AttentionWords;
import org.splitscope.model.Mechanism;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;

/**
 * Split bar charts: per cardinal group one bar per split (mean attention over the group's channels)
 * with whiskers, or one stacked chart; below, a small multiple of every block in depth order.
 */
public final class SplitBarsFigure {
    public enum Whiskers {
        MIN_MAX("min – max"),
        QUARTILES("quartiles (25 – 75 %)");

        private final String label;

        Whiskers(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** @param selected the block to outline in the overview */
    public record Options(Colormap colormap, Whiskers whiskers, boolean stacked, String selected) {}

    /** Hover target: split r of group k. */
    public record Bar(int group, int split) {}

    /** Hover and click target: a block of the overview. */
    public record Block(SplitBars.BlockBars bars) {}

    private SplitBarsFigure() {}

    /** Split r's colour: R evenly spaced samples of the colormap, so splits read the same in every chart. */
    public static int splitColour(Colormap colormap, int split, int radix) {
        return colormap.argb(radix <= 1 ? 0.65 : 0.1 + 0.8 * split / (radix - 1.0));
    }

    public static Drawing draw(SplitBars b, Options o, double width, FigureStyle s) {
        return Drawing.column(s, List.of(bars(b, o, width, s), overview(b.overview(), o, width, s)));
    }

    public static Drawing bars(SplitBars b, Options o, double width, FigureStyle s) {
        double p = s.pad();
        AttentionWords w = b.words();
        String what = w.gate() ? "gate" : "attention per " + w.unit();
        // split attention keeps its reviewed title; the other mechanisms say theirs and their gate function
        String mechanism = w.mechanism() == Mechanism.SPLAT ? "" : w.name() + ", " + w.function();
        TextBlock title = TextBlock.of(o.stacked()
                ? "Share of " + what + ", stacked, per cardinal group · " + b.block()
                + (mechanism.isEmpty() ? "" : " (" + mechanism + ")")
                : "Mean " + what + " over each group's channels · " + b.block() + " ("
                + (mechanism.isEmpty() ? "" : mechanism + "; ") + "whiskers: " + o.whiskers() + ")", s.title(),
                width - 2 * p);
        double titleH = title.height() + p;
        double legendH = Fonts.lineHeight(s.small()) * 1.6;
        double top = titleH + legendH + p;
        double bottom = top + s.labelSize() * 16;
        double height = bottom + Fonts.lineHeight(s.small()) * 1.4 + Fonts.lineHeight(s.label()) * 1.4 + p;
        Draw.Ticks ticks = Draw.ticks(0, 1, bottom - top, s.smallSize() * 3.4, false);
        double axisLabel = p + Fonts.lineHeight(s.label()) * 0.6;
        double left = axisLabel + Fonts.lineHeight(s.label()) * 0.8 + ticks.widest(s.small()) + s.smallSize();
        int groups = b.groups().size();
        List<Hit> hits = new ArrayList<>();
        Drawing.Painter chart;
        if (o.stacked()) {
            double right = width - p * 2;
            double slot = (right - left) / groups;
            double barW = Math.min(s.labelSize() * 7.5, slot * 0.5);
            for (int k = 0; k < groups; k++) {
                double cx = left + (k + 0.5) * slot;
                double acc = 0;
                for (SplitStats st : b.groups().get(k)) {
                    double y1 = bottom - Math.min(1, acc + st.mean()) * (bottom - top);
                    double y0 = bottom - acc * (bottom - top);
                    hits.add(Hit.of(new Rectangle2D.Double(cx - barW / 2, y1, barW, y0 - y1), new Bar(k, st.split())));
                    acc += st.mean();
                }
            }
            chart = g -> {
                Draw.valueAxis(g, s, ticks, left, top, bottom, right, 0, 1, (w.gate() ? "mean gate "
                        : "mean attention ") + w.symbol().replace("(c)", "") + " (stacked)", axisLabel);
                for (int k = 0; k < groups; k++) {
                    double cx = left + (k + 0.5) * slot;
                    double acc = 0;
                    for (SplitStats st : b.groups().get(k)) {
                        double y0 = bottom - acc * (bottom - top);
                        double y1 = bottom - Math.min(1, acc + st.mean()) * (bottom - top);
                        Draw.fill(g, Draw.colour(splitColour(o.colormap(), st.split(), b.radix())), cx - barW / 2, y1,
                                barW, y0 - y1);
                        g.setColor(s.background());
                        g.setStroke(new BasicStroke(s.line()));
                        Draw.line(g, cx - barW / 2, y1, cx + barW / 2, y1);
                        acc += st.mean();
                    }
                    g.setColor(s.text());
                    g.setFont(s.small());
                    Draw.text(g, "k = " + k, cx, bottom + s.smallSize() * 0.5, Draw.H.CENTER, Draw.V.TOP);
                }
                g.setFont(s.label());
                Draw.text(g, "cardinal group k", (left + right) / 2, bottom + Fonts.lineHeight(s.small()) * 1.4,
                        Draw.H.CENTER, Draw.V.TOP);
            };
        } else {
            double per = (width - p - left + (groups > 1 ? p * 2 : 0)) / groups;
            double panelW = Math.max(s.labelSize() * 4, per - p * 1.5);
            for (int k = 0; k < groups; k++) {
                double x0 = left + k * per;
                double slot = panelW / b.radix();
                for (int r = 0; r < b.radix(); r++) {
                    hits.add(Hit.of(new Rectangle2D.Double(x0 + r * slot, top, slot, bottom - top), new Bar(k, r)));
                }
            }
            chart = g -> {
                boolean quartiles = o.whiskers() == Whiskers.QUARTILES;
                for (int k = 0; k < groups; k++) {
                    double x0 = left + k * per;
                    // One scale for every group: only the first panel labels it.
                    Draw.valueAxis(g, s, k == 0 ? ticks : ticks.unlabelled(), x0, top, bottom, x0 + panelW, 0, 1,
                            k == 0 ? (w.gate() ? "mean gate " : "mean attention ") + w.symbol().replace("(c)", "")
                                    : null, axisLabel);
                    List<SplitStats> splits = b.groups().get(k);
                    double slot = panelW / splits.size();
                    double barW = Math.min(s.labelSize() * 5, slot * 0.6);
                    for (SplitStats st : splits) {
                        double cx = x0 + (st.split() + 0.5) * slot;
                        double y = bottom - st.mean() * (bottom - top);
                        Draw.fill(g, Draw.colour(splitColour(o.colormap(), st.split(), b.radix())), cx - barW / 2, y,
                                barW, bottom - y);
                        double ylo = bottom - (quartiles ? st.q1() : st.min()) * (bottom - top);
                        double yhi = bottom - (quartiles ? st.q3() : st.max()) * (bottom - top);
                        g.setColor(s.text());
                        g.setStroke(new BasicStroke(s.line() * 1.5f));
                        Draw.line(g, cx, ylo, cx, yhi);
                        Draw.line(g, cx - barW / 5, ylo, cx + barW / 5, ylo);
                        Draw.line(g, cx - barW / 5, yhi, cx + barW / 5, yhi);
                        if (quartiles) {
                            double ym = bottom - st.median() * (bottom - top);
                            double d = s.smallSize() * 0.55;
                            g.fill(new Ellipse2D.Double(cx - d / 2, ym - d / 2, d, d));
                        }
                        g.setFont(s.small());
                        Draw.text(g, w.rowLabel(st.split()), cx, bottom + s.smallSize() * 0.5,
                                Draw.H.CENTER, Draw.V.TOP);
                    }
                    if (b.radix() >= 2) {
                        // over the bars, its label on a patch of background so no bar hides it
                        double u = bottom - (1.0 / b.radix()) * (bottom - top);
                        g.setColor(s.neutral());
                        g.setStroke(Draw.dashed(s, 4, 4));
                        Draw.line(g, x0, u, x0 + panelW, u);
                        g.setFont(s.small());
                        String label = w.neutralWords();
                        double lw = Fonts.width(s.small(), label);
                        double lh = Fonts.lineHeight(s.small());
                        Draw.fill(g, s.background(), x0 + panelW - lw - 4, u - lh - 1, lw + 4, lh);
                        g.setColor(s.muted());
                        Draw.text(g, label, x0 + panelW - 2, u - 2, Draw.H.RIGHT, Draw.V.BOTTOM);
                    }
                    g.setColor(s.text());
                    g.setFont(s.label());
                    String name = w.axis() + " · group k = " + k + " (" + splits.get(0).channels() + " channels)";
                    Draw.text(g, Fonts.width(s.label(), name) <= per ? name : Draw.fit("group k = " + k, s.label(), per),
                            x0 + panelW / 2, bottom + Fonts.lineHeight(s.small()) * 1.4,
                            Draw.H.CENTER, Draw.V.TOP);
                }
            };
        }
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            legend(g, s, o, w, width - p * 2, titleH + legendH / 2);
            chart.paint(g);
        }, hits);
    }

    private static void legend(Graphics2D g, FigureStyle s, Options o, AttentionWords w, double right, double y) {
        int radix = w.radix();
        double x = right;
        double box = s.smallSize();
        g.setFont(s.small());
        for (int r = radix - 1; r >= 0; r--) {
            String label = w.unit(r);
            x -= Fonts.width(s.small(), label) + box * 1.4 + box;
            Draw.fill(g, Draw.colour(splitColour(o.colormap(), r, radix)), x, y - box / 2, box, box);
            g.setColor(s.text());
            Draw.text(g, label, x + box * 1.4, y, Draw.H.LEFT, Draw.V.CENTER);
        }
    }

    /** The small multiples: one cell per block, the selected one outlined; click to select. */
    public static Drawing overview(List<SplitBars.BlockBars> blocks, Options o, double width, FigureStyle s) {
        if (blocks.isEmpty()) {
            return new Drawing(width, 0, s, g -> {}, List.of());
        }
        double p = s.pad();
        AttentionWords w = blocks.get(0).words();
        TextBlock title = TextBlock.of("All blocks, in depth order: " + (w.gate() ? "mean gate" : "mean attention per "
                + w.unit()) + " over all channels (bars 0 – 1), H = " + (w.gate() ? "binary entropy of the gate"
                : "normalised entropy"),
                s.title(), width - 2 * p);
        double titleH = title.height() + p;
        // Three to a paper column; on screen a little roomier.
        double cellW = s.smallSize() * (s.print() ? 9.5 : 12);
        double cellH = s.smallSize() * (s.print() ? 8 : 8.7);
        int cols = Math.max(1, (int) ((width - 2 * p) / cellW));
        int rows = (blocks.size() + cols - 1) / cols;
        double top = titleH + p * 0.5;
        double height = top + rows * cellH + p;
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            hits.add(Hit.of(new Rectangle2D.Double(p + (i % cols) * cellW, top + (i / cols) * cellH, cellW, cellH),
                    new Block(blocks.get(i))));
        }
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            for (int i = 0; i < blocks.size(); i++) {
                SplitBars.BlockBars b = blocks.get(i);
                double x = p + (i % cols) * cellW;
                double y = top + (i / cols) * cellH;
                double cw = cellW - p;
                double ch = cellH - p;
                boolean selected = b.block().equals(o.selected());
                g.setColor(selected ? s.accent() : s.grid());
                g.setStroke(new BasicStroke(s.line() * (selected ? 2 : 1)));
                g.draw(new RoundRectangle2D.Double(x, y, cw, ch, p * 0.8, p * 0.8));
                g.setFont(s.small());
                g.setColor(selected ? s.accent() : s.text());
                Draw.text(g, b.block(), x + p * 0.5, y + p * 0.4, Draw.H.LEFT, Draw.V.TOP);
                g.setColor(s.muted());
                Draw.text(g, "H " + ColorBars.label(b.entropy(), 0.01), x + cw - p * 0.5, y + p * 0.4, Draw.H.RIGHT,
                        Draw.V.TOP);
                double barTop = y + p * 0.4 + Fonts.lineHeight(s.small()) * 1.3;
                double barBottom = y + ch - p * 0.5;
                double slot = (cw - p) / b.means().length;
                for (int r = 0; r < b.means().length; r++) {
                    double by = barBottom - b.means()[r] * (barBottom - barTop);
                    Draw.fill(g, Draw.colour(splitColour(o.colormap(), r, b.radix())),
                            x + p * 0.5 + r * slot + slot * 0.15, by, slot * 0.7, barBottom - by);
                }
                g.setColor(s.axis());
                g.setStroke(new BasicStroke(s.line()));
                Draw.line(g, x + p * 0.5, barBottom, x + cw - p * 0.5, barBottom);
                if (b.radix() >= 2) {
                    double u = barBottom - (barBottom - barTop) / b.radix();
                    g.setColor(s.neutral());
                    g.setStroke(Draw.dashed(s, 2, 3));
                    Draw.line(g, x + p * 0.5, u, x + cw - p * 0.5, u);
                }
            }
        }, hits);
    }
}
