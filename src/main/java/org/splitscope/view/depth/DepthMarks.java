package org.splitscope.view.depth;

import org.splitscope.figure.Draw;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** What {@link DepthFigure} paints on its panels: bands, lines with dots, levels, stage marks and block labels. */
final class DepthMarks {
    private DepthMarks() {}

    /** One block per column from {@code left}, {@code slot} wide. */
    record Columns(double left, double slot, int count) {
        double x(int i) {
            return left + (i + 0.5) * slot;
        }

        double right() {
            return left + slot * count;
        }
    }

    /** A panel's plot: its top and bottom, and the values lo – hi its axis spans. */
    record Plot(double top, double bottom, double lo, double hi) {
        /** Clipped to the axis: a band or line never leaves its panel. */
        double y(double v) {
            return bottom - (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) * (bottom - top);
        }
    }

    /** mean ± std as a translucent area, broken where a value is undefined. */
    static void band(Graphics2D g, Color colour, List<DepthProfile.Block> blocks, Columns c, Plot plot,
            ToDoubleFunction<DepthProfile.Block> mean, ToDoubleFunction<DepthProfile.Block> std) {
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 56));
        int n = blocks.size();
        int i = 0;
        while (i < n) {
            if (Double.isNaN(mean.applyAsDouble(blocks.get(i)))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && !Double.isNaN(mean.applyAsDouble(blocks.get(end)))) {
                end++;
            }
            // A lone block gets a band across the middle of its column, so it still shows.
            double half = end - i == 1 ? c.slot() * 0.25 : 0;
            Path2D.Double area = new Path2D.Double();
            for (int j = i; j < end; j++) {
                DepthProfile.Block b = blocks.get(j);
                double hi = plot.y(mean.applyAsDouble(b) + std.applyAsDouble(b));
                if (j == i) {
                    area.moveTo(c.x(j) - half, hi);
                }
                area.lineTo(c.x(j) + (j == end - 1 ? half : 0), hi);
            }
            for (int j = end - 1; j >= i; j--) {
                DepthProfile.Block b = blocks.get(j);
                double lo = plot.y(mean.applyAsDouble(b) - std.applyAsDouble(b));
                area.lineTo(c.x(j) + (j == end - 1 ? half : 0), lo);
                if (j == i) {
                    area.lineTo(c.x(j) - half, lo);
                }
            }
            area.closePath();
            g.fill(area);
            i = end;
        }
        // Where mean ± std runs past the axis the band is cut there, visibly: a solid triangle at that edge.
        g.setColor(colour);
        double t = Math.max(2.5, c.slot() * 0.08);
        for (int j = 0; j < n; j++) {
            DepthProfile.Block b = blocks.get(j);
            double m = mean.applyAsDouble(b);
            double sd = std.applyAsDouble(b);
            if (Double.isNaN(m) || Double.isNaN(sd)) {
                continue;
            }
            if (m + sd > plot.hi() + 1e-9) {
                g.fill(triangle(c.x(j), plot.top(), t, -1));
            }
            if (m - sd < plot.lo() - 1e-9) {
                g.fill(triangle(c.x(j), plot.bottom(), t, 1));
            }
        }
    }

    /** Whether mean ± std of some block runs past [lo, hi]: the band is cut at the axis there. */
    static boolean cut(List<DepthProfile.Block> blocks, Plot plot, ToDoubleFunction<DepthProfile.Block> mean,
            ToDoubleFunction<DepthProfile.Block> std) {
        for (DepthProfile.Block b : blocks) {
            double m = mean.applyAsDouble(b);
            double sd = std.applyAsDouble(b);
            if (!Double.isNaN(m) && !Double.isNaN(sd) && (m + sd > plot.hi() + 1e-9 || m - sd < plot.lo() - 1e-9)) {
                return true;
            }
        }
        return false;
    }

    /** A small triangle at (x, edge) pointing up (−1) or down (1), inside the plot. */
    private static Path2D triangle(double x, double edge, double size, int down) {
        Path2D.Double tri = new Path2D.Double();
        double base = edge + (down < 0 ? size * 1.4 : -size * 1.4);
        tri.moveTo(x - size, base);
        tri.lineTo(x + size, base);
        tri.lineTo(x, edge);
        tri.closePath();
        return tri;
    }

    /** A line through the blocks' values with a dot on each; the selected block's dot larger and ringed. */
    static void line(Graphics2D g, FigureStyle s, Color colour, List<DepthProfile.Block> blocks, Columns c, Plot plot,
            ToDoubleFunction<DepthProfile.Block> value, int selected) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i < blocks.size(); i++) {
            double v = value.applyAsDouble(blocks.get(i));
            if (Double.isNaN(v)) {
                open = false;
            } else if (open) {
                path.lineTo(c.x(i), plot.y(v));
            } else {
                path.moveTo(c.x(i), plot.y(v));
                open = true;
            }
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(s.line() * 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        double dot = Math.max(s.line() * 2, Math.min(s.smallSize() * 0.5, c.slot() * 0.6));
        for (int i = 0; i < blocks.size(); i++) {
            double v = value.applyAsDouble(blocks.get(i));
            if (Double.isNaN(v)) {
                continue;
            }
            double size = i == selected ? Math.max(dot * 1.7, s.smallSize() * 0.6) : dot;
            Ellipse2D.Double e = new Ellipse2D.Double(c.x(i) - size / 2, plot.y(v) - size / 2, size, size);
            g.setColor(colour);
            g.fill(e);
            if (i == selected) {
                g.setColor(s.text());
                g.setStroke(new BasicStroke(s.line()));
                g.draw(e);
            }
        }
    }

    /** A dashed level across the panel (1/R, a half-open gate); its meaning is in the legend or header. */
    static void level(Graphics2D g, FigureStyle s, Columns c, Plot plot, double value) {
        g.setColor(s.neutral());
        g.setStroke(Draw.dashed(s, 4, 4));
        Draw.line(g, c.left(), plot.y(value), c.right(), plot.y(value));
        g.setStroke(new BasicStroke(s.line()));
    }

    /** Dotted lines where a stage begins. */
    static void stageLines(Graphics2D g, FigureStyle s, List<DepthProfile.Block> blocks, Columns c, double top,
            double bottom) {
        g.setColor(s.neutral());
        g.setStroke(Draw.dashed(s, 2, 3));
        for (int b = 1; b < blocks.size(); b++) {
            if (blocks.get(b).stage() != blocks.get(b - 1).stage()) {
                double x = c.left() + b * c.slot();
                Draw.line(g, x, top, x, bottom);
            }
        }
        g.setStroke(new BasicStroke(s.line()));
    }

    /** Each stage's name centred over its blocks, its bottom at {@code baseline}. */
    static void stageNames(Graphics2D g, FigureStyle s, List<DepthProfile.Block> blocks, Columns c, double baseline) {
        g.setFont(s.small());
        int first = 0;
        for (int b = 1; b <= blocks.size(); b++) {
            if (b < blocks.size() && blocks.get(b).stage() == blocks.get(first).stage()) {
                continue;
            }
            int stage = blocks.get(first).stage();
            g.setColor(s.muted());
            Draw.text(g, Draw.fit(stage > 0 ? "layer" + stage : "", s.small(), (b - first) * c.slot()),
                    c.left() + (first + b) * c.slot() / 2, baseline, Draw.H.CENTER, Draw.V.BOTTOM);
            first = b;
        }
    }

    /**
     * The block's index within its stage (.0, .1 …) at {@code y}, every few blocks where not all fit,
     * and the selected block's full name in the accent colour at {@code selectedRow}.
     */
    static void blockLabels(Graphics2D g, FigureStyle s, List<DepthProfile.Block> blocks, Columns c, double y,
            double selectedRow, int selected) {
        g.setFont(s.small());
        g.setColor(s.muted());
        int step = Math.max(1, (int) Math.ceil(Fonts.width(s.small(), ".00") * 1.3 / c.slot()));
        for (int b = 0; b < blocks.size(); b += step) {
            String name = blocks.get(b).name();
            Draw.text(g, name.indexOf('.') >= 0 ? name.substring(name.indexOf('.')) : name, c.x(b), y, Draw.H.CENTER,
                    Draw.V.TOP);
        }
        if (selected >= 0) {
            String name = blocks.get(selected).name();
            double line = Fonts.lineHeight(s.small());
            double w = Fonts.width(s.small(), name);
            double x = Math.max(c.left(), Math.min(c.right() - w, c.x(selected) - w / 2));
            g.setColor(s.accent());
            g.setStroke(new BasicStroke(s.line()));
            Draw.line(g, c.x(selected), selectedRow - line * 0.15, c.x(selected), selectedRow + line * 0.1);
            Draw.text(g, name, x, selectedRow + line * 0.1, Draw.H.LEFT, Draw.V.TOP);
        }
    }
}
