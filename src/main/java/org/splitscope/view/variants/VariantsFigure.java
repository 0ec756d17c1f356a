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
 * One image through every bundled variant, for a classroom: per variant (by its notation) the top-3
 * and, at the last block of each stage, the mean attention of each split with its entropy; the
 * entropy of every block in depth order, one line per variant; and the ablation table, ours beside
 * the paper's.
 */
public final class VariantsFigure {
    public record Options(Colormap colormap) {}

    /** Hover target: a variant's stage-end block (stage −1: its label and top-3). */
    public record Cell(int variant, int stage) {}

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
                return rows(image, runs, o, width, room, s);
            }
            // the split of the width that leaves the taller column shortest (the table wraps its columns)
            Drawing best = null;
            for (double share = 0.6; share > 0.41; share -= 0.02) {
                double left = Math.floor(width * share);
                Drawing both = Drawing.row(s, List.of(rows(image, runs, o, left, room, s),
                        AblationPanel.draw(ablation, width - left, s)));
                if (best == null || both.height() < best.height() - 1) {
                    best = both;
                }
            }
            return best;
        }
        List<Drawing> parts = new ArrayList<>();
        parts.add(rows(image, runs, o, width, 0, s));
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
            parts.add(BlockChart.draw("Normalised attention entropy per block, one line per variant with R ≥ 2 (with one "
                    + "split the weights are gates: no entropy)", blocks, lines, "H / ln R", floor, -1, width, s));
        }
        if (ablation != null) {
            parts.add(AblationPanel.draw(ablation, width, s));
        }
        return Drawing.column(s, parts);
    }

    /** One row per variant; with a {@code room}, rows as tall as it leaves (taller bars), never shorter than usual. */
    private static Drawing rows(String image, List<VariantRun> runs, Options o, double width, double room,
            FigureStyle s) {
        double p = s.pad();
        TextBlock title = TextBlock.of("One image through every variant · " + image + " (per stage: the last block's "
                + "mean attention per split, and its normalised entropy H)", s.title(), width - 2 * p);
        int stages = runs.stream().mapToInt(r -> r.stageEnds().size()).max().orElse(0);
        // beside the ablation table (presenter) the column is narrow: the names and top-3 keep their room
        double labelW = Math.min(width * (room > 0 ? 0.4 : 0.3), s.labelSize() * 13);
        double cellW = (width - 2 * p - labelW) / Math.max(stages, 1);
        double line = Fonts.lineHeight(s.small());
        double top = title.height() + p * 1.5 + line * 1.2;
        double usual = Math.max(line * 4.2, s.labelSize() * 4.2);
        double rowH = room > 0 && !runs.isEmpty()
                ? Math.max(usual, Math.min(usual * 2, (room - top - p) / runs.size())) : usual;
        double height = top + runs.size() * rowH + p;
        List<Hit> hits = new ArrayList<>();
        for (int v = 0; v < runs.size(); v++) {
            int variant = v;
            hits.add(Hit.of(new Rectangle2D.Double(p, top + v * rowH, labelW, rowH), new Cell(variant, -1)));
            for (int st = 0; st < runs.get(v).stageEnds().size(); st++) {
                int stage = st;
                hits.add(Hit.of(new Rectangle2D.Double(p + labelW + st * cellW, top + v * rowH, cellW, rowH),
                        new Cell(variant, stage)));
            }
        }
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            g.setFont(s.small());
            VariantRun widest = runs.stream().max(java.util.Comparator.comparingInt(r -> r.stageEnds().size())).get();
            for (int st = 0; st < widest.stageEnds().size(); st++) {
                g.setColor(s.muted());
                String stage = widest.stageEnds().get(st).block().replaceAll("\\..*", "");
                // shorter words, never a cut: the title already says each is the stage's last block
                Draw.text(g, Fonts.width(s.small(), stage + " (last block)") < cellW - 4 ? stage + " (last block)"
                        : stage, p + labelW + (st + 0.5) * cellW, top - 2, Draw.H.CENTER, Draw.V.BOTTOM);
            }
            for (int v = 0; v < runs.size(); v++) {
                VariantRun r = runs.get(v);
                double y = top + v * rowH;
                g.setColor(s.grid());
                Draw.line(g, p, y, width - p, y);
                g.setColor(s.text());
                g.setFont(s.label());
                Draw.text(g, r.notation() + "  (R = " + r.radix() + ", K = " + r.cardinality() + ")", p, y + line * 0.3,
                        Draw.H.LEFT, Draw.V.TOP);
                g.setFont(s.small());
                g.setColor(s.muted());
                for (int i = 0; i < r.top().size(); i++) {
                    Prediction pr = r.top().get(i);
                    // a long class name is shortened, never its probability
                    String rank = (i + 1) + ". ";
                    String percent = String.format(Locale.ROOT, " %.1f %%", 100 * pr.probability());
                    double free = labelW - p - Fonts.width(s.small(), rank + percent);
                    Draw.text(g, rank + Draw.fit(pr.label(), s.small(), free) + percent, p,
                            y + line * (1.4 + i * 0.95), Draw.H.LEFT, Draw.V.TOP);
                }
                if (r.stageEnds().isEmpty()) {
                    String none = "radix 0: a plain 3×3 conv, no split attention";
                    double free = width - 2 * p - labelW - p;
                    List<String> lines = Draw.wrap(none, s.small(), free);
                    for (int i = 0; i < lines.size(); i++) {
                        // below the variant's name, which may reach over the cells in a narrow column
                        Draw.text(g, lines.get(i), p + labelW + p, y + line * (1.4 + i * 0.95), Draw.H.LEFT,
                                Draw.V.TOP);
                    }
                    continue;
                }
                for (int st = 0; st < r.stageEnds().size(); st++) {
                    drawStage(g, r.stageEnds().get(st), r.radix(), o, p + labelW + st * cellW, y, cellW, rowH, s);
                }
            }
        }, hits);
    }

    /** Bars of mean a_r on 0 … 1 with 1/R dashed, and H below. */
    private static void drawStage(java.awt.Graphics2D g, VariantRun.StageEnd e, int radix, Options o, double x, double y,
            double w, double h, FigureStyle s) {
        double line = Fonts.lineHeight(s.small());
        double barTop = y + line * 0.4;
        double barBottom = y + h - line * 1.5;
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
        if (radix >= 2) {
            double u = barBottom - (barBottom - barTop) / radix;
            g.setColor(s.neutral());
            g.setStroke(Draw.dashed(s, 2, 2));
            Draw.line(g, left - 2, u, left + radix * barW + 2, u);
            g.setStroke(new java.awt.BasicStroke(s.line()));
        }
        g.setColor(s.muted());
        g.setFont(s.small());
        Draw.text(g, radix == 1 ? String.format(Locale.ROOT, "gate %.3f", e.splitMeans()[0])
                : String.format(Locale.ROOT, "H %.3f", e.entropy()), x + w / 2, barBottom + 2, Draw.H.CENTER,
                Draw.V.TOP);
    }

    /** Each variant's stage ends: mean attention per split, entropy, its top class. */
    public static ViewData data(List<VariantRun> r) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (VariantRun v : r) {
            for (VariantRun.StageEnd e : v.stageEnds()) {
                for (int s = 0; s < e.splitMeans().length; s++) {
                    rows.add(java.util.Arrays.asList(v.notation(), e.block(), s, e.splitMeans()[s],
                            Double.isNaN(e.entropy()) ? null : e.entropy(), v.top().get(0).label(),
                            v.top().get(0).probability()));
                }
            }
        }
        return new ViewData(List.of("variant", "block", "split", "mean_attention", "entropy", "top_class",
                "top_probability"), rows);
    }

    /** The variants figure for a file: the window's export and {@code figure --view variants} alike. */
    public static FileFigure file(String image, FileFigure.Lazy<String> imageSha256, List<VariantRun> runs,
            AblationTable ablation, Colormap colormap) {
        return FileFigure.of(() -> VariantRuns.provenance(image, imageSha256.get(), colormap),
                (width, style) -> draw(image, runs, ablation, new Options(colormap), width, style), () -> data(runs));
    }
}
