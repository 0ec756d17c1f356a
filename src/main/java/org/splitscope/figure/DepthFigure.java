package org.splitscope.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.splitscope.analysis.DepthProfile;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;

/**
 * The depth profile of one image: every split-attention block in depth order along one x axis,
 * stages marked, and stacked panels on it — normalised entropy with a ± std band, saturation, and
 * the mean a_r of each split (one line per split). At radix 1 the first panel is the gate mean
 * (± std) and there is no split panel. One hit column per block: hover reads it, click selects it.
 */
public final class DepthFigure {
    /** @param selected the block to highlight */
    public record Options(Colormap colormap, String selected) {}

    /** Hover and click target: block {@code index} of the profile. */
    public record Point(int index, String block) {}

    /** What a panel plots, on a 0 – 1 axis. */
    enum Panel {
        ENTROPY("normalised entropy H / ln R: mean over channels, band ± 1 std across channels", "H / ln R"),
        GATE("sigmoid gate g (R = 1): mean over channels, band ± 1 std across channels", "gate g"),
        SATURATION("saturation: share of weights above 0.9 or below 0.1", "saturation"),
        SPLITS("split preference: mean a_r over channels, per split", "mean a_r");

        final String header;
        final String axis;

        Panel(String header, String axis) {
            this.header = header;
            this.axis = axis;
        }
    }

    /** A panel's place: header text and the plot's top and bottom. */
    private record Placed(Panel panel, TextBlock header, double headerTop, double legendY, double top, double bottom) {}

    private DepthFigure() {}

    static List<Panel> panels(DepthProfile d) {
        return d.gates() ? List.of(Panel.GATE, Panel.SATURATION) : List.of(Panel.ENTROPY, Panel.SATURATION, Panel.SPLITS);
    }

    static String title(DepthProfile d) {
        return d.gates() ? "Depth profile · R = 1: each weight is a sigmoid gate, so the gate mean and saturation "
                + "are shown instead of entropy (which needs R ≥ 2)"
                : "Depth profile: attention of every split-attention block, in depth order";
    }

    public static Drawing draw(DepthProfile d, Options o, double width, FigureStyle s) {
        if (d.blocks().isEmpty()) {
            return Drawing.note("No split-attention blocks (radix 0): no depth profile.", width, s);
        }
        double p = s.pad();
        TextBlock title = TextBlock.of(title(d), s.title(), width - 2 * p);
        double stageLine = Fonts.lineHeight(s.small());
        double plotH = s.print() ? 64 : 96;
        Draw.Ticks ticks = Draw.ticks(0, 1, plotH, s.smallSize() * 3.2, false);
        double axisLabel = Fonts.lineHeight(s.label());
        double left = p + axisLabel + ticks.widest(s.small()) + s.smallSize();
        double right = width - p;
        int n = d.blocks().size();
        double slot = (right - left) / n;

        List<Placed> placed = new ArrayList<>();
        double y = title.height() + p + stageLine;
        for (Panel panel : panels(d)) {
            TextBlock header = TextBlock.of(panel.header, s.label(), right - left);
            double headerTop = y;
            y += header.height() + p * 0.3;
            double legendY = Double.NaN;
            if (panel == Panel.SPLITS) {
                legendY = y + Fonts.lineHeight(s.small()) * 0.6;
                y += Fonts.lineHeight(s.small()) * 1.3;
            }
            placed.add(new Placed(panel, header, headerTop, legendY, y, y + plotH));
            y += plotH + p;
        }
        double plotsTop = placed.get(0).top();
        double plotsBottom = placed.get(placed.size() - 1).bottom();
        double labels = plotsBottom + 2;
        double selectedRow = labels + Fonts.lineHeight(s.small()) * 1.1;
        double height = selectedRow + Fonts.lineHeight(s.small()) * 1.1 + p * 0.5;
        int selected = d.indexOf(o.selected());

        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hits.add(Hit.of(new Rectangle2D.Double(left + i * slot, plotsTop, slot, selectedRow - plotsTop),
                    new Point(i, d.blocks().get(i).name())));
        }
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            for (Placed pl : placed) {
                g.setColor(s.text());
                pl.header().paint(g, left, pl.headerTop());
                if (pl.panel() == Panel.SPLITS) {
                    legend(g, s, o, d.radix(), left, pl.legendY());
                }
                if (selected >= 0) {
                    Draw.fill(g, s.grid(), left + selected * slot, pl.top(), slot, plotH);
                }
                Draw.valueAxis(g, s, ticks, left, pl.top(), pl.bottom(), right, 0, 1,
                        Draw.fit(pl.panel().axis, s.label(), plotH), p + axisLabel * 0.5);
                stageLines(g, s, d, left, slot, pl.top(), pl.bottom());
                series(g, s, o, d, pl, left, slot, selected);
            }
            stageNames(g, s, d, left, slot, plotsTop - placed.get(0).header().height() - p * 0.3);
            blockLabels(g, s, d, left, slot, labels, selectedRow, selected, right);
        }, hits);
    }

    private static void series(Graphics2D g, FigureStyle s, Options o, DepthProfile d, Placed pl, double left,
            double slot, int selected) {
        double top = pl.top();
        double bottom = pl.bottom();
        switch (pl.panel()) {
            case ENTROPY -> {
                band(g, s, d, left, slot, top, bottom, DepthProfile.Block::entropy, DepthProfile.Block::entropyStd);
                line(g, s, s.accent(), d, left, slot, top, bottom, DepthProfile.Block::entropy, selected);
            }
            case GATE -> {
                reference(g, s, left, left + slot * d.blocks().size(), top, bottom, 0.5, "half open");
                band(g, s, d, left, slot, top, bottom, b -> b.splitMean()[0], b -> b.splitStd()[0]);
                line(g, s, s.accent(), d, left, slot, top, bottom, b -> b.splitMean()[0], selected);
            }
            case SATURATION -> line(g, s, s.accent(), d, left, slot, top, bottom, DepthProfile.Block::saturation,
                    selected);
            case SPLITS -> {
                int radix = d.radix();
                if (d.blocks().stream().allMatch(b -> b.radix() == radix)) {
                    reference(g, s, left, left + slot * d.blocks().size(), top, bottom, 1.0 / radix, "uniform 1/R");
                }
                for (int r = 0; r < radix; r++) {
                    int split = r;
                    Color c = Draw.colour(SplitBarsFigure.splitColour(o.colormap(), r, radix));
                    line(g, s, c, d, left, slot, top, bottom,
                            b -> split < b.radix() ? b.splitMean()[split] : Double.NaN, selected);
                }
            }
        }
    }

    private static double y(double v, double top, double bottom) {
        return bottom - Math.max(0, Math.min(1, v)) * (bottom - top);
    }

    /** mean ± std, clipped to the axis, as a translucent area; broken where a value is undefined. */
    private static void band(Graphics2D g, FigureStyle s, DepthProfile d, double left, double slot, double top,
            double bottom, ToDoubleFunction<DepthProfile.Block> mean, ToDoubleFunction<DepthProfile.Block> std) {
        Color a = s.accent();
        g.setColor(new Color(a.getRed(), a.getGreen(), a.getBlue(), 56));
        int n = d.blocks().size();
        int i = 0;
        while (i < n) {
            if (Double.isNaN(mean.applyAsDouble(d.blocks().get(i)))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && !Double.isNaN(mean.applyAsDouble(d.blocks().get(end)))) {
                end++;
            }
            Path2D.Double area = new Path2D.Double();
            // A lone block gets a band as wide as its slot's middle, so it still shows.
            double half = end - i == 1 ? slot * 0.25 : 0;
            for (int j = i; j < end; j++) {
                DepthProfile.Block b = d.blocks().get(j);
                double x = left + (j + 0.5) * slot;
                double hi = y(mean.applyAsDouble(b) + std.applyAsDouble(b), top, bottom);
                if (j == i) {
                    area.moveTo(x - half, hi);
                }
                area.lineTo(x + (j == end - 1 ? half : 0), hi);
            }
            for (int j = end - 1; j >= i; j--) {
                DepthProfile.Block b = d.blocks().get(j);
                double x = left + (j + 0.5) * slot;
                area.lineTo(x + (j == end - 1 ? half : 0), y(mean.applyAsDouble(b) - std.applyAsDouble(b), top, bottom));
                if (j == i) {
                    area.lineTo(x - half, y(mean.applyAsDouble(b) - std.applyAsDouble(b), top, bottom));
                }
            }
            area.closePath();
            g.fill(area);
            i = end;
        }
    }

    /** A line through the blocks' values with a dot on each; the selected block's dot larger and ringed. */
    private static void line(Graphics2D g, FigureStyle s, Color colour, DepthProfile d, double left, double slot,
            double top, double bottom, ToDoubleFunction<DepthProfile.Block> value, int selected) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i < d.blocks().size(); i++) {
            double v = value.applyAsDouble(d.blocks().get(i));
            if (Double.isNaN(v)) {
                open = false;
                continue;
            }
            double x = left + (i + 0.5) * slot;
            if (open) {
                path.lineTo(x, y(v, top, bottom));
            } else {
                path.moveTo(x, y(v, top, bottom));
                open = true;
            }
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(s.line() * 1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        double dot = Math.max(s.line() * 2, Math.min(s.smallSize() * 0.5, slot * 0.6));
        for (int i = 0; i < d.blocks().size(); i++) {
            double v = value.applyAsDouble(d.blocks().get(i));
            if (Double.isNaN(v)) {
                continue;
            }
            double x = left + (i + 0.5) * slot;
            double yy = y(v, top, bottom);
            double size = i == selected ? Math.max(dot * 1.7, s.smallSize() * 0.6) : dot;
            Ellipse2D.Double e = new Ellipse2D.Double(x - size / 2, yy - size / 2, size, size);
            g.setColor(colour);
            g.fill(e);
            if (i == selected) {
                g.setColor(s.text());
                g.setStroke(new BasicStroke(s.line()));
                g.draw(e);
            }
        }
    }

    /** A dashed level across the panel with its label at the right end, on a patch of background. */
    private static void reference(Graphics2D g, FigureStyle s, double x0, double x1, double top, double bottom,
            double value, String label) {
        double yy = y(value, top, bottom);
        g.setColor(s.neutral());
        g.setStroke(Draw.dashed(s, 4, 4));
        Draw.line(g, x0, yy, x1, yy);
        g.setFont(s.small());
        double lw = Fonts.width(s.small(), label);
        double lh = Fonts.lineHeight(s.small());
        Draw.fill(g, s.background(), x1 - lw - 4, yy - lh - 1, lw + 4, lh);
        g.setColor(s.muted());
        Draw.text(g, label, x1 - 2, yy - 2, Draw.H.RIGHT, Draw.V.BOTTOM);
        g.setStroke(new BasicStroke(s.line()));
    }

    private static void legend(Graphics2D g, FigureStyle s, Options o, int radix, double x, double y) {
        double box = s.smallSize();
        g.setFont(s.small());
        for (int r = 0; r < radix; r++) {
            String label = "split r = " + r;
            Draw.fill(g, Draw.colour(SplitBarsFigure.splitColour(o.colormap(), r, radix)), x, y - box * 0.15,
                    box * 1.4, box * 0.3);
            g.setColor(s.text());
            Draw.text(g, label, x + box * 1.8, y, Draw.H.LEFT, Draw.V.CENTER);
            x += box * 1.8 + Fonts.width(s.small(), label) + box * 1.2;
        }
    }

    /** Dashed lines where a stage begins. */
    private static void stageLines(Graphics2D g, FigureStyle s, DepthProfile d, double left, double slot, double top,
            double bottom) {
        g.setColor(s.neutral());
        g.setStroke(Draw.dashed(s, 2, 3));
        for (int b = 1; b < d.blocks().size(); b++) {
            if (d.blocks().get(b).stage() != d.blocks().get(b - 1).stage()) {
                Draw.line(g, left + b * slot, top, left + b * slot, bottom);
            }
        }
        g.setStroke(new BasicStroke(s.line()));
    }

    /** Each stage's name over its blocks, above the first panel's header. */
    private static void stageNames(Graphics2D g, FigureStyle s, DepthProfile d, double left, double slot,
            double baseline) {
        g.setFont(s.small());
        g.setColor(s.muted());
        int first = 0;
        for (int b = 1; b <= d.blocks().size(); b++) {
            if (b < d.blocks().size() && d.blocks().get(b).stage() == d.blocks().get(first).stage()) {
                continue;
            }
            int stage = d.blocks().get(first).stage();
            String name = stage > 0 ? "layer" + stage : "";
            Draw.text(g, Draw.fit(name, s.small(), (b - first) * slot), left + (first + b) * slot / 2, baseline,
                    Draw.H.CENTER, Draw.V.BOTTOM);
            if (first > 0) {
                g.setColor(s.neutral());
                g.setStroke(Draw.dashed(s, 2, 3));
                Draw.line(g, left + first * slot, baseline - Fonts.lineHeight(s.small()) * 0.8, left + first * slot,
                        baseline);
                g.setColor(s.muted());
            }
            first = b;
        }
        g.setStroke(new BasicStroke(s.line()));
    }

    /**
     * The block's index within its stage (.0, .1 …) under the last panel, every few blocks where not all fit,
     * and the selected block's full name below it in the accent colour.
     */
    private static void blockLabels(Graphics2D g, FigureStyle s, DepthProfile d, double left, double slot,
            double y, double selectedRow, int selected, double right) {
        g.setFont(s.small());
        g.setColor(s.muted());
        int step = Math.max(1, (int) Math.ceil(Fonts.width(s.small(), ".00") * 1.3 / slot));
        for (int b = 0; b < d.blocks().size(); b += step) {
            String name = d.blocks().get(b).name();
            Draw.text(g, name.indexOf('.') >= 0 ? name.substring(name.indexOf('.')) : name, left + (b + 0.5) * slot, y,
                    Draw.H.CENTER, Draw.V.TOP);
        }
        if (selected >= 0) {
            String name = d.blocks().get(selected).name();
            double w = Fonts.width(s.small(), name);
            double x = Math.max(left, Math.min(right - w, left + (selected + 0.5) * slot - w / 2));
            g.setColor(s.accent());
            Draw.line(g, left + (selected + 0.5) * slot, selectedRow - Fonts.lineHeight(s.small()) * 0.15,
                    left + (selected + 0.5) * slot, selectedRow + Fonts.lineHeight(s.small()) * 0.1);
            Draw.text(g, name, x, selectedRow + Fonts.lineHeight(s.small()) * 0.1, Draw.H.LEFT, Draw.V.TOP);
        }
    }

    /** The hover line for a block. */
    public static String describe(DepthProfile d, Point point) {
        DepthProfile.Block b = d.blocks().get(point.index());
        StringBuilder out = new StringBuilder(b.name()).append(" (R = ").append(b.radix()).append(", ")
                .append(b.channels()).append(" channels) · ");
        if (b.gate()) {
            out.append("gate mean ").append(ColorBars.exact(b.splitMean()[0])).append(" ± ")
                    .append(ColorBars.exact(b.splitStd()[0]));
        } else {
            out.append("entropy ").append(ColorBars.exact(b.entropy())).append(" ± ")
                    .append(ColorBars.exact(b.entropyStd()));
        }
        out.append(" · saturation ").append(ColorBars.exact(b.saturation()));
        if (!b.gate()) {
            out.append(" · mean a_r");
            for (int r = 0; r < b.radix(); r++) {
                out.append(r == 0 ? " " : ", ").append("r = ").append(r).append(": ")
                        .append(ColorBars.exact(b.splitMean()[r]));
            }
        }
        return out.toString();
    }
}
