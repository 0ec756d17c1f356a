package org.splitscope.view.variants;

import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.TextBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.analysis.AblationTable;

/**
 * The ablation table as part of a figure: per model its mechanism, the paper's ImageNet numbers beside
 * ours, and the costs relative to the 1s1x64d baseline of each table, which is what carries over between
 * the two scales; the SE, ECA and SK rows carry their own paper's top-1 with its source (their costs
 * come from other papers' baselines and stay out); with the honest note about accuracy.
 */
final class AblationPanel {
    private AblationPanel() {}

    static Drawing draw(AblationTable t, double width, FigureStyle s) {
        double p = s.pad();
        boolean family = t.rows().stream().anyMatch(r -> !r.resnest());
        TextBlock title = TextBlock.of(family
                ? "The ablation: ours on Fashion-MNIST beside the papers' ImageNet networks (costs relative to "
                        + "1s1x64d in each; the other papers' costs are not comparable with ResNeSt's)"
                : "The ablation: the paper's ResNeSt-fast on ImageNet beside ours on Fashion-MNIST "
                        + "(costs relative to 1s1x64d in each)", s.title(), width - 2 * p);
        AblationTable.Row base = t.rows().stream().filter(r -> r.notation().equals("1s1x64d")).findFirst()
                .orElse(t.rows().get(0));
        String[] head = {"variant", "mechanism", "top-1 paper", "top-1 ours", "params paper", "params ours",
            "FLOPs paper", "FLOPs ours", "images/s paper", "images/s ours"};
        List<String[]> cells = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (AblationTable.Row r : t.rows()) {
            // another paper's network: its own top-1 with its source, its costs left out (another baseline)
            String mark = "";
            if (!r.resnest() && r.paperTop1() != null) {
                // the citation without the numbers it printed (they are in the cell)
                String source = r.paperSource() == null ? "" : r.paperSource().replaceFirst(": .*$", "");
                sources.add(r.paperModel() + (source.isEmpty() ? "" : ", " + source));
                mark = SUPERSCRIPTS[Math.min(sources.size(), SUPERSCRIPTS.length) - 1];
            }
            boolean own = r.resnest();
            cells.add(new String[] {r.notation(), shortWords(r), number(r.paperTop1(), "%.2f %%") + mark,
                String.format(Locale.ROOT, "%.2f %%", r.testTop1()),
                own ? ratio(r.paperParametersM(), base.paperParametersM()) : NONE,
                ratio((double) r.parameters(), (double) base.parameters()),
                own ? ratio(r.paperGflops(), base.paperGflops()) : NONE, ratio(r.mflops(), base.mflops()),
                own ? ratio(r.paperImagesPerSecond(), base.paperImagesPerSecond()) : NONE,
                ratio(r.imagesPerSecond(), base.imagesPerSecond())});
        }
        double[] colW = new double[head.length];
        for (int c = 0; c < head.length; c++) {
            colW[c] = Fonts.width(s.small(), head[c]);
            for (String[] row : cells) {
                colW[c] = Math.max(colW[c], Fonts.width(s.small(), row[c]));
            }
        }
        // Columns that do not fit the width go into a second table below (variant repeated): a column's
        // width of paper holds the accuracies, the costs follow.
        double minGap = s.smallSize() * 0.6;
        List<List<Integer>> tables = new ArrayList<>();
        List<Integer> current = new ArrayList<>(List.of(0));
        double used = colW[0];
        for (int c = 1; c < head.length; c++) {
            if (current.size() > 1 && used + minGap + colW[c] > width - 2 * p) {
                tables.add(current);
                current = new ArrayList<>(List.of(0));
                used = colW[0];
            }
            current.add(c);
            used += minGap + colW[c];
        }
        tables.add(current);
        double line = Fonts.lineHeight(s.small()) * 1.25;
        double top = title.height() + p * 1.3;
        double tableH = line * (cells.size() + 1) + p * 0.5;
        double best = t.rows().stream().mapToDouble(AblationTable.Row::testTop1).max().orElse(0);
        double worst = t.rows().stream().mapToDouble(AblationTable.Row::testTop1).min().orElse(0);
        StringBuilder words = new StringBuilder(String.format(Locale.ROOT, "At 28 px our models' accuracy spans %.2f "
                + "points, within the noise of one training seed (one test image is 0.01 points); the costs carry over: "
                + "radix adds parameters, FLOPs barely move, throughput falls as R grows in both tables.", best - worst));
        if (family) {
            words.append(" The SE, ECA and SK models have the default's stages and widths, so they cost about what "
                    + "2s1x64d costs; beside them stands the top-1 their own paper reports on ImageNet, with its "
                    + "recipe, not ResNeSt's.");
        }
        for (int i = 0; i < sources.size(); i++) {
            words.append(' ').append(SUPERSCRIPTS[Math.min(i, SUPERSCRIPTS.length - 1)]).append(' ')
                    .append(sources.get(i)).append('.');
        }
        TextBlock note = TextBlock.of(words.toString(), s.small(), width - 2 * p);
        double height = top + tableH * tables.size() + note.height() + p;
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            g.setFont(s.small());
            for (int ti = 0; ti < tables.size(); ti++) {
                List<Integer> cols = tables.get(ti);
                double y0 = top + ti * tableH;
                double total = 0;
                for (int c : cols) {
                    total += colW[c];
                }
                double gap = cols.size() < 2 ? 0 : Math.max(minGap, (width - 2 * p - total) / (cols.size() - 1));
                double x = p;
                for (int c : cols) {
                    g.setColor(s.muted());
                    Draw.text(g, head[c], c == 0 ? x : x + colW[c], y0, c == 0 ? Draw.H.LEFT : Draw.H.RIGHT,
                            Draw.V.TOP);
                    g.setColor(s.text());
                    for (int r = 0; r < cells.size(); r++) {
                        Draw.text(g, cells.get(r)[c], c == 0 ? x : x + colW[c], y0 + line * (r + 1),
                                c == 0 ? Draw.H.LEFT : Draw.H.RIGHT, Draw.V.TOP);
                    }
                    x += colW[c] + gap;
                }
                g.setColor(s.grid());
                Draw.line(g, p, y0 + line * 0.95, width - p, y0 + line * 0.95);
            }
            g.setColor(s.muted());
            note.paint(g, p, top + tableH * tables.size());
        }, List.of());
    }

    /** What stands where a paper gives no number, or one that would compare across papers. */
    private static final String NONE = "–";

    private static final String[] SUPERSCRIPTS = {"¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

    /** The mechanism in a table cell: what a row of its attention is. */
    private static String shortWords(AblationTable.Row r) {
        return switch (r.mechanism()) {
            case "splat" -> r.radix() == 1 ? "SplAt, gate" : "SplAt, " + r.radix() + " splits";
            case "none" -> "none";
            case "se" -> "SE gate";
            case "eca" -> "ECA gate";
            case "sk" -> "SK, " + r.radix() + " paths";
            default -> r.mechanism();
        };
    }

    private static String number(Double v, String format) {
        return v == null ? NONE : String.format(Locale.ROOT, format, v);
    }

    private static String ratio(Double v, Double base) {
        return v == null || base == null || base == 0 ? NONE : String.format(Locale.ROOT, "%.2f×", v / base);
    }
}
