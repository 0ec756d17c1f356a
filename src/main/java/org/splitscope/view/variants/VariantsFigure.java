package org.splitscope.view.variants;

import org.splitscope.figure.FileFigure;
import org.splitscope.figure.ViewData;
import org.splitscope.figure.BlockChart;
import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.TextBlock;
import org.splitscope.view.dataset.ChannelProfileFigure;
import org.splitscope.view.splitbars.SplitBarsFigure;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.analysis.AblationTable;
import org.splitscope.view.depth.DepthProfile;
import org.splitscope.capture.Prediction;
import org.splitscope.render.Colormap;

/**
 * One image through every bundled model, for a classroom: per model (by its notation, with its
 * mechanism in words) the top-3 and, at the last block of each stage, the mean weight of each split
 * (split attention), each path (SK, its kernel under the bar) or the mean gate (SE, ECA), with the
 * normalised entropy where the weights are a distribution; the entropy of every block in depth order,
 * one line per model with two or more splits or paths; and the ablation table, ours beside the papers'.
 * More than five models stand in two columns where the width allows, so all mechanisms are side by side.
 */
public final class VariantsFigure {
    public record Options(Colormap colormap) {}

    /** Hover target: a variant's stage-end block (stage −1: its label and top-3). */
    public record Cell(int variant, int stage) {}

    /** The smallest share of the presenter size a 1280×720 screen should show this figure at (the window would go to 60 %). */
    private static final double PRESENTER_SHRINK = 0.75;

    /** A page's figure: 7 in wide, at most 9 in tall. */
    private static final double PAGE_WIDTH = 7;
    private static final double PAGE_HEIGHT = 9;

    private VariantsFigure() {}

    public static Drawing draw(String image, List<VariantRun> runs, AblationTable ablation, Options o, double width,
            FigureStyle s) {
        return draw(image, runs, ablation, o, width, 0, s);
    }

    /**
     * The figure; with a {@code room} (presenter mode: the screen's height, 0 for none) on a landscape
     * screen the variants fill the height on the left with the ablation table beside them, and the
     * per-block entropy lines (the stage ends' H is in the rows) are left to the window and the files.
     */
    public static Drawing draw(String image, List<VariantRun> runs, AblationTable ablation, Options o, double width,
            double room, FigureStyle s) {
        if (room > 0 && width > room) {
            if (ablation == null) {
                return rows(image, runs, o, width, room, s, null);
            }
            // the split of the width that leaves the taller column shortest (the table wraps its columns)
            Drawing best = null;
            for (double share = 0.6; share > 0.41; share -= 0.02) {
                double left = Math.floor(width * share);
                Drawing both = Drawing.row(s, List.of(rows(image, runs, o, left, room, s, null),
                        AblationPanel.draw(ablation, width - left, s)));
                if (best == null || both.height() < best.height() - 1) {
                    best = both;
                }
            }
            if (best.height() * PRESENTER_SHRINK <= room) {
                return best;
            }
            // too many models for the table beside them: the models across the screen, the table in the files
            return rows(image, runs, o, width, room, s, "The ablation table and the entropy per block: in the window "
                    + "outside presenter mode and in the exported figure.");
        }
        Drawing models = rows(image, runs, o, width, 0, s, null);
        Drawing chart = entropyChart(runs, width, s);
        Drawing table = ablation == null ? null : AblationPanel.draw(ablation, width, s);
        List<Drawing> parts = new ArrayList<>(List.of(models));
        if (chart != null) {
            parts.add(chart);
        }
        if (table != null) {
            parts.add(table);
        }
        Drawing all = Drawing.column(s, parts);
        double page = width * PAGE_HEIGHT / PAGE_WIDTH;
        if (s.print() && chart != null && all.height() > page) {
            // on a page the figure keeps to 9 in at 7 in wide: the entropy lines give way (each stage's H is in the rows)
            Drawing without = Drawing.column(s, table == null ? List.of(models) : List.of(models, table));
            if (without.height() <= page) {
                return without;
            }
        }
        return all;
    }

    /** The normalised entropy of every block, one line per model with two or more splits or paths; null if none. */
    private static Drawing entropyChart(List<VariantRun> runs, double width, FigureStyle s) {
        List<VariantRun> withEntropy = runs.stream().filter(r -> r.radix() >= 2).toList();
        if (!withEntropy.isEmpty()) {
            List<String> blocks = withEntropy.get(0).depth().blocks().stream().map(DepthProfile.Block::name).toList();
            List<BlockChart.Series> lines = new ArrayList<>();
            for (int i = 0; i < withEntropy.size(); i++) {
                VariantRun r = withEntropy.get(i);
                lines.add(new BlockChart.Series(r.notation(), ChannelProfileFigure.groupColour(i),
                        r.depth().blocks().stream().mapToDouble(DepthProfile.Block::entropy).toArray()));
            }
            double min = lines.stream().flatMapToDouble(l -> java.util.Arrays.stream(l.values())).min().orElse(0);
            double floor = Math.max(0, Math.floor((min - 0.02) * 20) / 20); // zoomed: trained weights stay near 1/R
            boolean paths = withEntropy.stream().anyMatch(r -> r.words() != null && r.words().sk());
            return BlockChart.draw("Normalised attention entropy per block, one line per model with R ≥ 2 splits"
                    + (paths ? " or M ≥ 2 paths" : "") + " (a gate, one sigmoid per channel, has no entropy)", blocks,
                    lines, paths ? "H / ln R, H / ln M" : "H / ln R", floor, -1, width, s);
        }
        return null;
    }

    /**
     * One row per model, in two columns when there are more than five and each column keeps its room; with
     * a {@code room}, rows as tall as it leaves (taller bars), never shorter than usual; {@code note} under them.
     */
    private static Drawing rows(String image, List<VariantRun> runs, Options o, double width, double room,
            FigureStyle s, String note) {
        double p = s.pad();
        boolean paths = runs.stream().anyMatch(r -> r.words() != null && r.words().sk());
        boolean gates = runs.stream().anyMatch(VariantRun::gate);
        TextBlock title = TextBlock.of("One image through every model · " + image + " (per stage, the last block: "
                + "mean weight per split" + (paths ? " or path" : "") + " with its normalised entropy H"
                + (gates ? "; a gate's mean g" : "") + "; SplAt = split attention)", s.title(), width - 2 * p);
        int stages = runs.stream().mapToInt(r -> r.stageEnds().size()).max().orElse(0);
        // across a projector's screen two columns from four models on, so that they fit its height
        int columns = runs.size() > (note != null ? 3 : 5) && (width - 2 * p) / 2 >= s.labelSize() * 24 ? 2 : 1;
        int perColumn = (runs.size() + columns - 1) / columns;
        double columnW = (width - 2 * p - (columns - 1) * p) / columns;
        // beside the ablation table (presenter) the column is narrow: the names and top-3 keep their room
        double labelW = Math.min(columnW * (room > 0 || columns > 1 ? 0.4 : 0.3), s.labelSize() * 14);
        double cellW = (columnW - labelW) / Math.max(stages, 1);
        double line = Fonts.lineHeight(s.small());
        double top = title.height() + p * 1.5 + line * 1.2;
        TextBlock below = note == null ? null : TextBlock.of(note, s.small(), width - 2 * p);
        double belowH = below == null ? 0 : below.height() + p * 0.5;
        // the mechanism beside the notation where every row has room for both, else on a line of its own
        boolean beside = runs.stream().allMatch(r -> Fonts.width(s.label(), r.notation())
                + Fonts.width(s.small(), "  " + r.mechanismShort()) <= labelW - p * 0.5);
        double first = beside ? 1.4 : 2.4;
        double usual = Math.max(line * (first + 2.8), s.labelSize() * (first + 2.8));
        double rowH = room > 0 && !runs.isEmpty()
                ? Math.max(usual, Math.min(usual * 2, (room - top - p - belowH) / perColumn)) : usual;
        double height = top + perColumn * rowH + belowH + p;
        List<Hit> hits = new ArrayList<>();
        for (int v = 0; v < runs.size(); v++) {
            double x0 = p + (v / perColumn) * (columnW + p);
            double y0 = top + (v % perColumn) * rowH;
            hits.add(Hit.of(new Rectangle2D.Double(x0, y0, labelW, rowH), new Cell(v, -1)));
            for (int st = 0; st < runs.get(v).stageEnds().size(); st++) {
                hits.add(Hit.of(new Rectangle2D.Double(x0 + labelW + st * cellW, y0, cellW, rowH), new Cell(v, st)));
            }
        }
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            g.setFont(s.small());
            VariantRun widest = runs.stream().max(java.util.Comparator.comparingInt(r -> r.stageEnds().size())).get();
            for (int c = 0; c < columns; c++) {
                double x0 = p + c * (columnW + p);
                for (int st = 0; st < widest.stageEnds().size(); st++) {
                    g.setColor(s.muted());
                    String stage = widest.stageEnds().get(st).block().replaceAll("\\..*", "");
                    // shorter words, never a cut: the title already says each is the stage's last block
                    Draw.text(g, Fonts.width(s.small(), stage + " (last block)") < cellW - 4 ? stage + " (last block)"
                            : stage, x0 + labelW + (st + 0.5) * cellW, top - 2, Draw.H.CENTER, Draw.V.BOTTOM);
                }
            }
            for (int v = 0; v < runs.size(); v++) {
                VariantRun r = runs.get(v);
                double x0 = p + (v / perColumn) * (columnW + p);
                double y = top + (v % perColumn) * rowH;
                g.setColor(s.grid());
                Draw.line(g, x0, y, x0 + columnW, y);
                g.setColor(s.text());
                g.setFont(s.label());
                Draw.text(g, Draw.fit(r.notation(), s.label(), labelW - p * 0.5), x0, y + line * 0.3, Draw.H.LEFT,
                        Draw.V.TOP);
                double nameW = Fonts.width(s.label(), r.notation());
                g.setFont(s.small());
                g.setColor(s.muted());
                if (beside) {
                    // on the name's baseline, after it
                    Draw.text(g, r.mechanismShort(), x0 + nameW + Fonts.width(s.small(), "  "), y + line * 0.3
                            + (Fonts.lineHeight(s.label()) - line), Draw.H.LEFT, Draw.V.TOP);
                } else {
                    Draw.text(g, Draw.fit(r.mechanismShort(), s.small(), labelW - p * 0.5), x0, y + line * 1.4,
                            Draw.H.LEFT, Draw.V.TOP);
                }
                for (int i = 0; i < r.top().size(); i++) {
                    Prediction pr = r.top().get(i);
                    // a long class name is shortened, never its probability
                    String rank = (i + 1) + ". ";
                    String percent = String.format(Locale.ROOT, " %.1f %%", 100 * pr.probability());
                    double free = labelW - p - Fonts.width(s.small(), rank + percent);
                    Draw.text(g, rank + Draw.fit(pr.label(), s.small(), free) + percent, x0,
                            y + line * (first + i * 0.95), Draw.H.LEFT, Draw.V.TOP);
                }
                if (r.stageEnds().isEmpty()) {
                    String none = "radix 0: a plain 3×3 conv, no attention";
                    double free = columnW - labelW - p;
                    List<String> lines = Draw.wrap(none, s.small(), free);
                    for (int i = 0; i < lines.size(); i++) {
                        // below the model's name, which may reach over the cells in a narrow column
                        Draw.text(g, lines.get(i), x0 + labelW + p, y + line * (first + i * 0.95), Draw.H.LEFT,
                                Draw.V.TOP);
                    }
                    continue;
                }
                for (int st = 0; st < r.stageEnds().size(); st++) {
                    drawStage(g, r.stageEnds().get(st), r, o, x0 + labelW + st * cellW, y, cellW, rowH, s);
                }
            }
            if (below != null) {
                g.setColor(s.muted());
                below.paint(g, p, top + perColumn * rowH + p * 0.5);
            }
        }, hits);
    }

    /**
     * Bars of the mean weight on 0 … 1 — per split (1/R dashed), per path (1/M dashed, its kernel under the
     * bar where it fits) or one gate (½ dashed: the sigmoid at 0) — and H or g below.
     */
    private static void drawStage(java.awt.Graphics2D g, VariantRun.StageEnd e, VariantRun run, Options o, double x,
            double y, double w, double h, FigureStyle s) {
        int radix = run.radix();
        double line = Fonts.lineHeight(s.small());
        boolean kernels = run.words() != null && run.words().sk();
        double barTop = y + line * 0.4;
        double barBottom = y + h - line * (kernels ? 2.5 : 1.5);
        double barW = Math.min((w * 0.7) / radix, s.labelSize() * 2.2);
        double left = x + (w - barW * radix) / 2;
        for (int r = 0; r < radix; r++) {
            double v = e.splitMeans()[r];
            double top = barBottom - v * (barBottom - barTop);
            Draw.fill(g, Draw.colour(SplitBarsFigure.splitColour(o.colormap(), r, radix)), left + r * barW + 1, top,
                    barW - 2, barBottom - top);
        }
        g.setColor(s.axis());
        Draw.line(g, left - 2, barBottom, left + radix * barW + 2, barBottom);
        double neutral = run.words() == null ? 1.0 / radix : run.words().neutral();
        if (radix >= 2 || run.gate()) {
            double u = barBottom - (barBottom - barTop) * neutral;
            g.setColor(s.neutral());
            g.setStroke(Draw.dashed(s, 2, 2));
            Draw.line(g, left - 2, u, left + radix * barW + 2, u);
            g.setStroke(new java.awt.BasicStroke(s.line()));
        }
        g.setColor(s.muted());
        g.setFont(s.small());
        double textY = barBottom + 2;
        if (kernels) {
            // each path's kernel under its bar, or under them all where the bars are too narrow
            List<String> names = new ArrayList<>();
            for (int r = 0; r < radix; r++) {
                names.add(run.words().rowLabel(r));
            }
            boolean fits = names.stream().allMatch(n -> Fonts.width(s.small(), n) <= barW + 2);
            if (fits) {
                for (int r = 0; r < radix; r++) {
                    Draw.text(g, names.get(r), left + (r + 0.5) * barW, textY, Draw.H.CENTER, Draw.V.TOP);
                }
            } else {
                // all kernels in one line under the bars, or only their dilations ("d1 · d2") where that is too long
                String all = String.join(" · ", names);
                if (Fonts.width(s.small(), all) > w - 4) {
                    all = String.join(" · ", run.words().kernels().stream()
                            .map(k -> "d" + (k.contains("dilation ") ? k.substring(k.indexOf("dilation ") + 9) : "1"))
                            .toList());
                }
                Draw.text(g, Draw.fit(all, s.small(), w - 4), x + w / 2, textY, Draw.H.CENTER, Draw.V.TOP);
            }
            textY += line;
        }
        Draw.text(g, run.gate() ? String.format(Locale.ROOT, "g %.3f", e.splitMeans()[0])
                : String.format(Locale.ROOT, "H %.3f", e.entropy()), x + w / 2, textY, Draw.H.CENTER, Draw.V.TOP);
    }

    /** Each model's stage ends: its mechanism, mean attention per split, path or gate (unit), entropy, its top class. */
    public static ViewData data(List<VariantRun> r) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (VariantRun v : r) {
            for (VariantRun.StageEnd e : v.stageEnds()) {
                for (int s = 0; s < e.splitMeans().length; s++) {
                    rows.add(java.util.Arrays.asList(v.notation(), v.words() == null ? "none" : v.words().mechanism().key(),
                            v.words() == null ? String.valueOf(s) : v.words().unit(s), e.block(), s, e.splitMeans()[s],
                            Double.isNaN(e.entropy()) ? null : e.entropy(), v.top().get(0).label(),
                            v.top().get(0).probability()));
                }
            }
        }
        return new ViewData(List.of("variant", "mechanism", "unit", "block", "split", "mean_attention", "entropy", "top_class",
                "top_probability"), rows);
    }

    /** The variants figure for a file: the window's export and {@code figure --view variants} alike. */
    public static FileFigure file(String image, FileFigure.Lazy<String> imageSha256, List<VariantRun> runs,
            AblationTable ablation, Colormap colormap) {
        return FileFigure.of(() -> VariantRuns.provenance(image, imageSha256.get(), colormap),
                (width, style) -> draw(image, runs, ablation, new Options(colormap), width, style), () -> data(runs));
    }
}
