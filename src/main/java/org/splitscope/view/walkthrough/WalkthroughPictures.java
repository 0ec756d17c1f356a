package org.splitscope.view.walkthrough;

import org.splitscope.figure.Draw;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Hit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.render.Colormap;
import org.splitscope.render.Heatmaps;
import org.splitscope.render.ValueRange;

/** What each walkthrough stage shows of the live tensor: its shape, a picture, the chosen channel's numbers. */
final class WalkthroughPictures {
    private WalkthroughPictures() {}

    static String shape(Walkthrough w, WalkthroughStep step) {
        long[] x = w.inputShape();
        int r = w.radix();
        int c = w.channels();
        int k = w.cardinality();
        String map = w.height() + ", " + w.width();
        return switch (step) {
            case INPUT -> String.format(Locale.ROOT, "[1, %d, %d, %d]", x[1], x[2], x[3]);
            case CONV -> "[1, " + r * c + ", " + map + "]";
            case SPLITS -> r + " × [1, " + c + ", " + map + "]";
            case SUM, FUSE -> "[1, " + c + ", " + map + "]";
            case GAP -> "[1, " + c + "]";
            case FC1 -> w.eca() ? "w: [1, 1, " + w.hiddenChannels() + "]" : "[1, " + w.hiddenChannels() + "]";
            case FC2 -> "[1, " + r * c + "]";
            case LAYOUT -> "[" + k + ", " + r + ", " + w.groupChannels() + "] → [" + r + ", " + k + ", "
                    + w.groupChannels() + "]";
            case SOFTMAX, ATTENTION -> "[1, " + r + ", " + k + ", " + w.groupChannels() + "]";
            case CONCAT -> k + " × [1, " + w.groupChannels() + ", " + map + "]";
        };
    }

    /** The chosen channel's line under each picture. */
    static String numbers(Walkthrough w, WalkthroughStep step) {
        int c = w.channel();
        return switch (step) {
            case INPUT -> "C_in = " + w.inputShape()[1] + " (first " + w.input().length + ")";
            case CONV -> w.attention().words().channelGate() ? "X(" + c + ")" : w.attention().words().sk()
                    ? w.radix() + " path convs · U_m(" + c + ")" : (w.cardinality() * w.radix()) + " groups · U_r(" + c + ")";
            case SPLITS -> w.attention().words().channelGate() ? "c = " + c + " of X"
                    : "c = " + c + " in every " + w.attention().words().unit();
            case SUM -> String.format(Locale.ROOT, "Û(%d) mean %.3f", c, mean(w.sum()[0]));
            case GAP -> String.format(Locale.ROOT, "s(%d) = %.4f", c, w.gapValue());
            case FC1 -> w.eca() ? "k = " + w.hiddenChannels() + " · w = " + list(w.hidden())
                    : "z: " + w.hiddenChannels() + " channels";
            case FC2 -> w.eca() ? "s(" + (c - (w.hiddenChannels() - 1) / 2) + " … " + (c + (w.hiddenChannels() - 1) / 2)
                    + ") → l(" + c + ") = " + list(w.logits()) : "l(" + c + ") = " + list(w.logits());
            case LAYOUT -> {
                StringBuilder s = new StringBuilder();
                for (Walkthrough.Index i : w.layout()) {
                    s.append(s.length() == 0 ? "" : ", ").append(i.logit()).append("→").append(i.attention());
                }
                yield s.toString();
            }
            case SOFTMAX, ATTENTION -> (w.attention().words().channelGate() ? "g(" : "a(") + c + ") = "
                    + list(w.weights());
            case FUSE -> String.format(Locale.ROOT, "%s(%d) mean %.3f", w.attention().words().outputSymbol(), c,
                    mean(w.fusedChannel()));
            case CONCAT -> "k = " + w.group() + " of K = " + w.cardinality();
        };
    }

    static void paint(Graphics2D g, Walkthrough w, Colormap cm, WalkthroughStep step, Rectangle2D p, FigureStyle s) {
        switch (step) {
            case INPUT -> row(g, s, cm, w.input(), (int) w.inputShape()[3], (int) w.inputShape()[2], -1, p);
            case CONV -> {
                float[][] maps = new float[w.radix()][];
                for (int r = 0; r < w.radix(); r++) {
                    maps[r] = w.splits()[r][0];
                }
                row(g, s, cm, maps, w.width(), w.height(), -1, p);
            }
            case SPLITS -> {
                double h = p.getHeight() / w.radix();
                for (int r = 0; r < w.radix(); r++) {
                    row(g, s, cm, w.splits()[r], w.width(), w.height(), 0,
                            new Rectangle2D.Double(p.getX(), p.getY() + r * h, p.getWidth(), h));
                }
            }
            case SUM -> row(g, s, cm, w.sum(), w.width(), w.height(), 0, p);
            case GAP -> bars(g, s, w.gap(), w.channel(), w.groupChannels(), p);
            case FC1 -> bars(g, s, w.hidden(), -1, 0, p);
            case FC2 -> bars(g, s, w.eca() ? w.window() : w.logits(), w.eca() ? (w.hiddenChannels() - 1) / 2 : -1, 0, p);
            case LAYOUT -> layout(g, s, cm, w, p);
            case SOFTMAX -> {
                bars(g, s, w.weights(), -1, 0, p);
                double uniform = p.getMaxY() - p.getHeight() * (w.radix() == 1 ? 0.5 : 1.0 / w.radix())
                        / Math.max(max(w.weights()), 1e-9);
                uniform = Math.max(p.getY(), uniform);
                g.setColor(s.muted());
                g.setStroke(Draw.dashed(s, 3, 2));
                g.draw(new Line2D.Double(p.getX(), uniform, p.getMaxX(), uniform)); // 1/R (½ for a gate)
            }
            case ATTENTION -> attention(g, s, cm, w, p);
            case FUSE -> row(g, s, cm, w.fused(), w.width(), w.height(), 0, p);
            case CONCAT -> row(g, s, cm, w.groupFused(), w.width(), w.height(), w.group(), p);
        }
    }

    /** Each channel of the GAP strip and each column of the attention matrix picks that channel. */
    static List<Hit> channelHits(Walkthrough w, WalkthroughFigure.Layout l) {
        List<Hit> hits = new ArrayList<>();
        hits.add(Hit.grid(l.pictures().get(WalkthroughStep.GAP.ordinal()), w.channels(), 1,
                (col, row) -> new WalkthroughFigure.Channel(col)));
        hits.add(Hit.grid(l.pictures().get(WalkthroughStep.ATTENTION.ordinal()), w.channels(), 1,
                (col, row) -> new WalkthroughFigure.Channel(col)));
        return hits;
    }

    /** Thumbnails side by side, each on its own min–max; {@code marked} (or −1) framed in the accent. */
    private static void row(Graphics2D g, FigureStyle s, Colormap cm, float[][] maps, int mw, int mh, int marked,
            Rectangle2D p) {
        int n = maps.length;
        double gap = Math.max(1, s.pad() / 4);
        double side = Math.min((p.getWidth() - (n - 1) * gap) / n, p.getHeight() - 2 * gap);
        double tw = side * Math.min(1, (double) mw / mh);
        double th = side * Math.min(1, (double) mh / mw);
        double y = p.getY() + (p.getHeight() - th) / 2;
        for (int t = 0; t < n; t++) {
            double x = p.getX() + t * (side + gap);
            ValueRange range = ValueRange.of(maps[t]);
            if (range.min() == range.max()) { // a flat map (all zero after the ReLU): the low end, not the middle
                range = ValueRange.of(range.min(), range.min() + 1);
            }
            Draw.raster(g, s, Heatmaps.rasterize(maps[t], mw, mh, cm, range), x, y, tw, th);
            if (t == marked) {
                g.setColor(s.accent());
                g.setStroke(new BasicStroke(2 * s.line()));
                g.draw(new Rectangle2D.Double(x - s.line(), y - s.line(), tw + 2 * s.line(), th + 2 * s.line()));
            }
        }
    }

    /** One bar per value from a zero line; {@code marked} (or −1) in the accent, group edges every {@code per}. */
    private static void bars(Graphics2D g, FigureStyle s, float[] values, int marked, int per, Rectangle2D p) {
        double lo = 0;
        double hi = 0;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi - lo == 0 ? 1 : hi - lo;
        double zero = p.getY() + p.getHeight() * hi / span;
        double bw = p.getWidth() / values.length;
        for (int i = 0; i < values.length; i++) {
            double top = p.getY() + p.getHeight() * (hi - Math.max(0, values[i])) / span;
            double bottom = p.getY() + p.getHeight() * (hi - Math.min(0, values[i])) / span;
            Color c = i == marked ? s.accent() : s.neutral();
            double gap = bw > 3 ? bw * 0.15 : 0;
            Draw.fill(g, c, p.getX() + i * bw + gap / 2, top, Math.max(bw - gap, 0.5), Math.max(bottom - top, 0.5));
        }
        g.setColor(s.axis());
        g.setStroke(new BasicStroke(s.line()));
        g.draw(new Line2D.Double(p.getX(), zero, p.getMaxX(), zero));
        if (per > 0) {
            g.setColor(s.grid());
            for (int i = per; i < values.length; i += per) {
                g.draw(new Line2D.Double(p.getX() + i * bw, p.getY(), p.getX() + i * bw, p.getMaxY()));
            }
        }
        if (marked >= 0) {
            g.setColor(s.accent());
            g.setStroke(new BasicStroke(s.line()));
            g.draw(new Rectangle2D.Double(p.getX() + marked * bw, p.getY(), bw, p.getHeight()));
        }
    }

    /**
     * fc2's flat output (top) and the attention's (bottom), each cell coloured by its split: the chosen
     * channel's R entries joined from where fc2 writes them to where the attention reads them.
     */
    private static void layout(Graphics2D g, FigureStyle s, Colormap cm, Walkthrough w, Rectangle2D p) {
        int r = w.radix();
        int c = w.channels();
        int per = w.groupChannels();
        int n = r * c;
        double cell = p.getWidth() / n;
        double h = p.getHeight() / 4;
        double top = p.getY() + s.pad() / 4;
        double bottom = p.getMaxY() - h - s.pad() / 4;
        for (int i = 0; i < n; i++) {
            int fc2Split = (i / per) % r;
            int attentionSplit = i / c;
            Draw.fill(g, splitColour(cm, fc2Split, r), p.getX() + i * cell, top, Math.max(cell, 0.5), h);
            Draw.fill(g, splitColour(cm, attentionSplit, r), p.getX() + i * cell, bottom, Math.max(cell, 0.5), h);
        }
        g.setStroke(new BasicStroke(1.5f * s.line()));
        g.setColor(s.text());
        for (Walkthrough.Index i : w.layout()) {
            double x0 = p.getX() + (i.logit() + 0.5) * cell;
            double x1 = p.getX() + (i.attention() + 0.5) * cell;
            g.draw(new Line2D.Double(x0, top + h, x1, bottom));
        }
    }

    private static Color splitColour(Colormap cm, int split, int radix) {
        return Draw.colour(cm.argb(radix == 1 ? 0.5 : 0.15 + 0.7 * split / (radix - 1.0)));
    }

    /** R rows (splits) × C columns (channels, group by group), fixed 0 – 1; c's column framed. */
    private static void attention(Graphics2D g, FigureStyle s, Colormap cm, Walkthrough w, Rectangle2D p) {
        int r = w.radix();
        int c = w.channels();
        int per = w.groupChannels();
        float[] grid = new float[r * c];
        for (int split = 0; split < r; split++) {
            for (int ch = 0; ch < c; ch++) {
                grid[split * c + ch] = w.attention().weight(ch / per, split, ch % per);
            }
        }
        Draw.raster(g, s, Heatmaps.rasterize(grid, c, r, cm, ValueRange.of(0, 1)), p.getX(), p.getY(), p.getWidth(),
                p.getHeight());
        double cw = p.getWidth() / c;
        g.setColor(s.accent());
        g.setStroke(new BasicStroke(2 * s.line()));
        g.draw(new Rectangle2D.Double(p.getX() + w.channel() * cw, p.getY(), cw, p.getHeight()));
    }

    private static String list(float[] values) {
        StringBuilder s = new StringBuilder();
        for (float v : values) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return s.toString();
    }

    private static double max(float[] values) {
        double m = 0;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
