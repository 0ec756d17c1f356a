package org.splitscope.view.depth;

import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.TextBlock;
import org.splitscope.view.splitbars.SplitBarsFigure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.model.AttentionWords;
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

    /** What a panel plots. */
    enum Panel {
        ENTROPY("entropy H / ln R, mean ± std over channels", "H / ln R"),
        GATE("gate g, mean ± std over channels; dashed: 0.5", "gate g"),
        SATURATION("saturation: share of weights > 0.9 or < 0.1", "saturation"),
        SPLITS("split preference: mean a_r over channels", "mean a_r");

        final String header;
        final String axis;

        Panel(String header, String axis) {
            this.header = header;
            this.axis = axis;
        }
    }

    /** A legend entry: a line sample (dashed for a reference level) and its label. */
    private record Key(Color colour, boolean dashed, String label) {}

    /** A panel laid out: its header, legend rows (their centre lines), plot and axis ticks. */
    private record Placed(Panel panel, TextBlock header, double headerTop, List<List<Key>> legend,
            List<Double> legendY, DepthMarks.Plot plot, Draw.Ticks ticks) {}

    private DepthFigure() {}

    static List<Panel> panels(DepthProfile d) {
        return d.gates() ? List.of(Panel.GATE, Panel.SATURATION)
                : List.of(Panel.ENTROPY, Panel.SATURATION, Panel.SPLITS);
    }

    static String title(DepthProfile d) {
        AttentionWords w = d.words();
        if (d.gates()) {
            return w.channelGate() ? "Depth profile · " + w.name() + ", sigmoid gates: gate mean and saturation"
                    : "Depth profile · R = 1, sigmoid gates: gate mean and saturation instead of entropy";
        }
        return w.sk() ? "Depth profile: attention of every selective-kernel block over its " + w.unitsInWords()
                + ", in depth order" : "Depth profile: attention of every split-attention block, in depth order";
    }

    /** A panel's header in the model's words (SK: paths and 1/M; split attention as the enum says). */
    static String header(Panel panel, AttentionWords w) {
        if (!w.sk()) {
            return panel.header;
        }
        return switch (panel) {
            case ENTROPY -> "entropy H / ln M over the paths, mean ± std over channels";
            case SPLITS -> "path preference: mean a_m over channels";
            default -> panel.header;
        };
    }

    static String axis(Panel panel, AttentionWords w) {
        return w.sk() ? switch (panel) {
            case ENTROPY -> "H / ln M";
            case SPLITS -> "mean a_m";
            default -> panel.axis;
        } : panel.axis;
    }

    public static Drawing draw(DepthProfile d, Options o, double width, FigureStyle s) {
        if (d.blocks().isEmpty()) {
            return Drawing.note("No attention blocks (radix 0): no depth profile.", width, s);
        }
        double p = s.pad();
        TextBlock title = TextBlock.of(title(d), s.title(), width - 2 * p);
        // In a column 64 pt a panel; on screen taller as the window widens, so the lines keep their slopes.
        double plotH = s.print() ? 64 : Math.max(96, Math.min(150, width / 8));
        List<Panel> panels = panels(d);
        List<double[]> ranges = panels.stream().map(panel -> range(d, panel, plotH, s)).toList();
        List<Draw.Ticks> ticks = ranges.stream().map(DepthFigure::ticks).toList();
        double widest = ticks.stream().mapToDouble(t -> t.widest(s.small())).max().orElse(0);
        double axisLabel = Fonts.lineHeight(s.label());
        double left = p + axisLabel + widest + s.smallSize();
        DepthMarks.Columns columns = new DepthMarks.Columns(left, (width - p - left) / d.blocks().size(),
                d.blocks().size());
        double line = Fonts.lineHeight(s.small());

        List<Placed> placed = new ArrayList<>();
        double y = title.height() + p + line; // the stage names' row above the first header
        for (int k = 0; k < panels.size(); k++) {
            Panel panel = panels.get(k);
            double[] r0 = ranges.get(k);
            DepthMarks.Plot axis = new DepthMarks.Plot(0, 1, r0[0], r0[1]);
            boolean cut = panel == Panel.ENTROPY ? DepthMarks.cut(d.blocks(), axis, DepthProfile.Block::entropy,
                    DepthProfile.Block::entropyStd) : panel == Panel.GATE && DepthMarks.cut(d.blocks(), axis,
                            b -> b.splitMean()[0], b -> b.splitStd()[0]);
            TextBlock header = TextBlock.of(header(panel, d.words()) + (cut ? "; ▲▼ the band is cut at the axis" : ""),
                    s.label(), width - p - left);
            double headerTop = y;
            y += header.height() + p * 0.3;
            List<List<Key>> legend = rows(panel == Panel.SPLITS ? keys(d, o, s) : List.of(), width - p - left, s);
            List<Double> legendY = new ArrayList<>();
            for (int i = 0; i < legend.size(); i++) {
                legendY.add(y + line * 0.6);
                y += line * 1.2;
            }
            double[] r = ranges.get(k);
            placed.add(new Placed(panel, header, headerTop, legend, legendY, new DepthMarks.Plot(y, y + plotH, r[0],
                    r[1]), ticks.get(k)));
            y += plotH + p;
        }
        double plotsTop = placed.get(0).plot().top();
        double labels = placed.get(placed.size() - 1).plot().bottom() + 2;
        double selectedRow = labels + line * 1.1;
        double height = selectedRow + line * 1.1 + p * 0.5;
        int selected = d.indexOf(o.selected());

        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < d.blocks().size(); i++) {
            hits.add(Hit.of(new Rectangle2D.Double(left + i * columns.slot(), plotsTop, columns.slot(),
                    selectedRow - plotsTop), new Point(i, d.blocks().get(i).name())));
        }
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            DepthMarks.stageNames(g, s, d.blocks(), columns, placed.get(0).headerTop());
            for (Placed pl : placed) {
                DepthMarks.Plot plot = pl.plot();
                g.setColor(s.text());
                pl.header().paint(g, left, pl.headerTop());
                for (int i = 0; i < pl.legend().size(); i++) {
                    legend(g, s, pl.legend().get(i), left, pl.legendY().get(i));
                }
                if (selected >= 0) {
                    Draw.fill(g, s.grid(), left + selected * columns.slot(), plot.top(), columns.slot(), plotH);
                }
                Draw.valueAxis(g, s, pl.ticks(), left, plot.top(), plot.bottom(), columns.right(), plot.lo(), plot.hi(),
                        Draw.fit(axis(pl.panel(), d.words()), s.label(), plotH), p + axisLabel * 0.5);
                DepthMarks.stageLines(g, s, d.blocks(), columns, plot.top(), plot.bottom());
                series(g, s, o, d, pl.panel(), columns, plot, selected);
            }
            DepthMarks.blockLabels(g, s, d.blocks(), columns, labels, selectedRow, selected);
        }, hits);
    }

    private static void series(Graphics2D g, FigureStyle s, Options o, DepthProfile d, Panel panel,
            DepthMarks.Columns c, DepthMarks.Plot plot, int selected) {
        List<DepthProfile.Block> blocks = d.blocks();
        switch (panel) {
            case ENTROPY -> {
                DepthMarks.band(g, s.accent(), blocks, c, plot, DepthProfile.Block::entropy,
                        DepthProfile.Block::entropyStd);
                DepthMarks.line(g, s, s.accent(), blocks, c, plot, DepthProfile.Block::entropy, selected);
            }
            case GATE -> {
                DepthMarks.level(g, s, c, plot, 0.5);
                DepthMarks.band(g, s.accent(), blocks, c, plot, b -> b.splitMean()[0], b -> b.splitStd()[0]);
                DepthMarks.line(g, s, s.accent(), blocks, c, plot, b -> b.splitMean()[0], selected);
            }
            case SATURATION -> DepthMarks.line(g, s, s.accent(), blocks, c, plot, DepthProfile.Block::saturation,
                    selected);
            case SPLITS -> {
                int radix = d.radix();
                if (uniformRadix(d)) {
                    DepthMarks.level(g, s, c, plot, 1.0 / radix);
                }
                for (int r = 0; r < radix; r++) {
                    int split = r;
                    DepthMarks.line(g, s, Draw.colour(SplitBarsFigure.splitColour(o.colormap(), r, radix)), blocks,
                            c, plot, b -> split < b.radix() ? b.splitMean()[split] : Double.NaN, selected);
                }
            }
        }
    }

    private static boolean uniformRadix(DepthProfile d) {
        return d.blocks().stream().allMatch(b -> b.radix() == d.radix());
    }

    /**
     * The panel's value range over its data, widened to ticks: trained networks keep most weights
     * near 1/R, and a fixed 0 – 1 axis would flatten exactly the differences the profile is for.
     * Everything stays within 0 – 1; saturation starts at 0; at least 0.1 is shown.
     */
    private static double[] range(DepthProfile d, Panel panel, double plotH, FigureStyle s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DepthProfile.Block b : d.blocks()) {
            double[] values = switch (panel) {
                case ENTROPY -> new double[] {b.entropy() - b.entropyStd(), b.entropy() + b.entropyStd()};
                case GATE -> new double[] {b.splitMean()[0] - b.splitStd()[0], b.splitMean()[0] + b.splitStd()[0], 0.5};
                case SATURATION -> new double[] {0, b.saturation()};
                case SPLITS -> {
                    double[] v = java.util.Arrays.copyOf(b.splitMean(), b.radix() + 1);
                    v[b.radix()] = 1.0 / b.radix();
                    yield v;
                }
            };
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, Math.max(0, v));
                    hi = Math.max(hi, Math.min(1, v));
                }
            }
        }
        if (!(hi >= lo)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 0.1) {
            hi = Math.min(1, (lo + hi) / 2 + 0.05);
            lo = Math.max(0, hi - 0.1);
            hi = lo + 0.1;
        }
        double step = ColorBars.step(lo, hi, tickCount(plotH, s));
        double from = Math.max(0, Math.floor(lo / step + 1e-9) * step);
        double to = Math.min(1, Math.ceil(hi / step - 1e-9) * step);
        while ((to - from) / step < 1.999) { // at least three labelled ticks: a finer round step
            step = ColorBars.step(0, step, 2) < step ? ColorBars.step(0, step, 2) : step / 2;
        }
        return new double[] {from, to, step};
    }

    private static int tickCount(double plotH, FigureStyle s) {
        return Math.max(2, (int) (plotH / (s.smallSize() * 3.2)));
    }

    /** Ticks at every step of the range, its ends included. */
    private static Draw.Ticks ticks(double[] range) {
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; range[0] + i * range[2] <= range[1] + range[2] * 1e-6; i++) {
            double v = Math.abs(range[0] + i * range[2]) < 1e-12 ? 0 : range[0] + i * range[2];
            values.add(v);
            labels.add(ColorBars.label(v, range[2]));
        }
        return new Draw.Ticks(values, labels);
    }

    private static List<Key> keys(DepthProfile d, Options o, FigureStyle s) {
        List<Key> keys = new ArrayList<>();
        AttentionWords w = d.words();
        for (int r = 0; r < d.radix(); r++) {
            keys.add(new Key(Draw.colour(SplitBarsFigure.splitColour(o.colormap(), r, d.radix())), false,
                    w.sk() ? w.unit(r) : "r = " + r));
        }
        if (uniformRadix(d)) {
            keys.add(new Key(s.neutral(), true, w.neutralWords()));
        }
        return keys;
    }

    private static double keyWidth(Key k, FigureStyle s) {
        return s.smallSize() * 3 + Fonts.width(s.small(), k.label());
    }

    /** Keys in rows no wider than {@code width}. */
    private static List<List<Key>> rows(List<Key> keys, double width, FigureStyle s) {
        List<List<Key>> rows = new ArrayList<>();
        double x = width;
        for (Key k : keys) {
            if (x + keyWidth(k, s) > width) {
                rows.add(new ArrayList<>());
                x = 0;
            }
            rows.get(rows.size() - 1).add(k);
            x += keyWidth(k, s);
        }
        return rows;
    }

    private static void legend(Graphics2D g, FigureStyle s, List<Key> row, double x, double y) {
        double box = s.smallSize();
        g.setFont(s.small());
        for (Key k : row) {
            g.setColor(k.colour());
            g.setStroke(k.dashed() ? Draw.dashed(s, 4, 4) : new BasicStroke(s.line() * 3));
            Draw.line(g, x, y, x + box * 1.4, y);
            g.setColor(s.text());
            Draw.text(g, k.label(), x + box * 1.8, y, Draw.H.LEFT, Draw.V.CENTER);
            x += keyWidth(k, s);
        }
        g.setStroke(new BasicStroke(s.line()));
    }

    /** The hover line for a block. */
    public static String describe(DepthProfile d, Point point) {
        DepthProfile.Block b = d.blocks().get(point.index());
        AttentionWords w = b.words();
        StringBuilder out = new StringBuilder(b.name()).append(" (").append(w.channelGate() ? w.name()
                : w.sk() ? "M = " + b.radix() + " paths" : "R = " + b.radix()).append(", ")
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
            out.append(w.sk() ? " · mean a_m" : " · mean a_r");
            for (int r = 0; r < b.radix(); r++) {
                out.append(r == 0 ? " " : ", ").append(w.sk() ? w.unit(r) : "r = " + r).append(": ")
                        .append(ColorBars.exact(b.splitMean()[r]));
            }
        }
        return out.toString();
    }
}
