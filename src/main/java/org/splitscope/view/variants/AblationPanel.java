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
 * The ablation table as part of a figure: per variant the paper's ImageNet numbers beside ours, and
 * the costs relative to the 1s1x64d baseline of each table, which is what carries over between the
 * two scales; with the honest note about accuracy.
 */
final class AblationPanel {
    private AblationPanel() {}

    static Drawing draw(AblationTable t, double width, FigureStyle s) {
        double p = s.pad();
        TextBlock title = TextBlock.of("The ablation: the paper's ResNeSt-fast on ImageNet beside ours on Fashion-MNIST "
                + "(costs relative to 1s1x64d in each)", s.title(), width - 2 * p);
        AblationTable.Row base = t.rows().stream().filter(r -> r.notation().equals("1s1x64d")).findFirst()
                .orElse(t.rows().get(0));
        String[] head = {"variant", "top-1 paper", "top-1 ours", "params paper", "params ours", "FLOPs paper",
            "FLOPs ours", "images/s paper", "images/s ours"};
        List<String[]> cells = new ArrayList<>();
        for (AblationTable.Row r : t.rows()) {
            cells.add(new String[] {r.notation(), number(r.paperTop1(), "%.2f %%"),
                String.format(Locale.ROOT, "%.2f %%", r.testTop1()),
                ratio(r.paperParametersM(), base.paperParametersM()), ratio((double) r.parameters(),
                        (double) base.parameters()),
                ratio(r.paperGflops(), base.paperGflops()), ratio(r.mflops(), base.mflops()),
                ratio(r.paperImagesPerSecond(), base.paperImagesPerSecond()),
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
        TextBlock note = TextBlock.of(String.format(Locale.ROOT, "At 28 px our variants' accuracy spans %.2f points, "
                + "within the noise of one training seed (one test image is 0.01 points); the costs carry over: radix "
                + "adds parameters, FLOPs barely move, throughput falls as R grows in both tables.", best - worst),
                s.small(), width - 2 * p);
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

    private static String number(Double v, String format) {
        return v == null ? "–" : String.format(Locale.ROOT, format, v);
    }

    private static String ratio(Double v, Double base) {
        return v == null || base == null || base == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", v / base);
    }
}
