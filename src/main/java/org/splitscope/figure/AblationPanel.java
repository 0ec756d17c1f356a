package org.splitscope.figure;

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
        double total = 0;
        for (double w : colW) {
            total += w;
        }
        double gap = Math.max(s.smallSize() * 0.6, (width - 2 * p - total) / (head.length - 1));
        double line = Fonts.lineHeight(s.small()) * 1.25;
        double top = title.height() + p * 1.3;
        double best = t.rows().stream().mapToDouble(AblationTable.Row::testTop1).max().orElse(0);
        double worst = t.rows().stream().mapToDouble(AblationTable.Row::testTop1).min().orElse(0);
        TextBlock note = TextBlock.of(String.format(Locale.ROOT, "At 28 px our variants' accuracy spans %.2f points, "
                + "within the noise of one training seed (one test image is 0.01 points); the costs carry over: radix "
                + "adds parameters, FLOPs barely move, throughput falls as R grows in both tables.", best - worst),
                s.small(), width - 2 * p);
        double height = top + line * (cells.size() + 1) + p * 0.5 + note.height() + p;
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            g.setFont(s.small());
            double x = p;
            for (int c = 0; c < head.length; c++) {
                g.setColor(s.muted());
                Draw.text(g, head[c], c == 0 ? x : x + colW[c], top, c == 0 ? Draw.H.LEFT : Draw.H.RIGHT, Draw.V.TOP);
                g.setColor(s.text());
                for (int r = 0; r < cells.size(); r++) {
                    Draw.text(g, cells.get(r)[c], c == 0 ? x : x + colW[c], top + line * (r + 1),
                            c == 0 ? Draw.H.LEFT : Draw.H.RIGHT, Draw.V.TOP);
                }
                x += colW[c] + gap;
            }
            g.setColor(s.grid());
            Draw.line(g, p, top + line * 0.95, width - p, top + line * 0.95);
            g.setColor(s.muted());
            note.paint(g, p, top + line * (cells.size() + 1) + p * 0.5);
        }, List.of());
    }

    private static String number(Double v, String format) {
        return v == null ? "–" : String.format(Locale.ROOT, format, v);
    }

    private static String ratio(Double v, Double base) {
        return v == null || base == null || base == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", v / base);
    }
}
