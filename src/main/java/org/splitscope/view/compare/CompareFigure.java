package org.splitscope.view.compare;

import org.splitscope.view.Origin;
import org.splitscope.figure.FileFigure;
import org.splitscope.figure.BlockChart;
import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Hit;
import org.splitscope.view.heatmaps.HeatmapFigure;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.render.Colormap;
import org.splitscope.render.ValueRange;

/**
 * Two images side by side: the selected block's attention for both on one colour scale, their
 * difference on a diverging scale centred at 0, and the mean |Δa| per block in depth order. And
 * SKNet's scale experiment: split preference per block for centre crops at 1×, 1.5× and 2×.
 */
public final class CompareFigure {
    /** @param diverging the colormap of the difference (coolwarm unless the main one diverges) */
    public record Options(Colormap colormap, int selected) {
        public Colormap diverging() {
            return colormap.diverging() ? colormap : Colormap.COOLWARM;
        }
    }

    /** Hover target: a cell of one of the three matrices (0 = first image, 1 = second, 2 = difference). */
    public record Cell(int matrix, int group, int split, int channel) {}

    /** From this width (points, 6 in) the two images' matrices stand side by side. */
    static final double SIDE_BY_SIDE = 6 * 72;

    private CompareFigure() {}

    public static Drawing draw(AttentionComparison c, Options o, double width, FigureStyle s) {
        ValueRange shared = ValueRange.of(c.a().weights()).union(ValueRange.of(c.b().weights()))
                .union(ValueRange.of(0, 1)).forColormap(o.colormap());
        ValueRange diff = symmetric(c.difference().weights());
        List<Drawing> parts = new ArrayList<>();
        // A page's width holds the two images' matrices side by side: the figure then fits a page (≤ 9 in tall).
        boolean pair = width >= SIDE_BY_SIDE;
        double each = pair ? width / 2 : width;
        Drawing a = cells(HeatmapFigure.matrix(c.a(), "Attention of " + c.a().block() + " · " + c.first(), shared,
                o.colormap(), c.a().words().symbol(), each, s), 0);
        Drawing b = cells(HeatmapFigure.matrix(c.b(), "Attention of " + c.b().block() + " · " + c.second()
                + " (same colour scale)", shared, o.colormap(), c.b().words().symbol(), each, s), 1);
        parts.addAll(pair ? List.of(Drawing.row(s, List.of(a, b))) : List.of(a, b));
        String w = weight(c.a().words());
        parts.add(cells(HeatmapFigure.matrix(c.difference(), "Difference " + w + "(" + c.second() + ") − " + w + "("
                + c.first() + "), centred at 0", diff, o.diverging(), "Δ" + w, width, s), 2));
        parts.add(BlockChart.draw("Mean |Δ" + w + "| per block in depth order (" + c.second() + " vs " + c.first()
                + "); click a block to select it", c.blocks(), List.of(new BlockChart.Series("mean |Δ" + w + "|",
                        s.accent(), c.distance())), "mean |Δ" + w + "|", 0, o.selected(), width, s));
        return Drawing.column(s, parts);
    }

    /** The weight by its mechanism's letter: an SE/ECA gate is g, an SK path's weight a_m, a split's a. */
    public static String weight(org.splitscope.model.AttentionWords words) {
        return words.channelGate() ? "g" : words.sk() ? "a_m" : "a";
    }

    /** ±m with m the largest |value| rounded up to 1, 2 or 5 × 10^k, so the colour bar has labelled ends. */
    static ValueRange symmetric(float[] values) {
        double m = 1e-3;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(m)));
        double nice = m <= magnitude ? magnitude : m <= 2 * magnitude ? 2 * magnitude : m <= 5 * magnitude
                ? 5 * magnitude : 10 * magnitude;
        return ValueRange.of(-nice, nice).centeredOn(0);
    }

    /** The matrix's cell targets tagged with which matrix they belong to. */
    private static Drawing cells(Drawing matrix, int which) {
        List<Hit> hits = matrix.hits().stream().map(h -> new Hit(h.area(), h.columns(), h.rows(), (col, row) -> {
            HeatmapFigure.Cell cell = (HeatmapFigure.Cell) h.cell().at(col, row);
            return new Cell(which, cell.group(), cell.split(), cell.channel());
        })).toList();
        return new Drawing(matrix.width(), matrix.height(), matrix.style(), matrix.painter(), hits);
    }

    public static Drawing scales(ScaleProfile p, Options o, double width, FigureStyle s) {
        List<Drawing> parts = new ArrayList<>();
        int panels = p.radix() == 2 ? 1 : p.radix(); // with two splits, a_1 = 1 − a_0
        for (int r = 0; r < panels; r++) {
            List<BlockChart.Series> lines = new ArrayList<>();
            for (int i = 0; i < p.scales().size(); i++) {
                double[] v = new double[p.blocks().size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = p.means()[i][j][r];
                }
                lines.add(new BlockChart.Series(String.format(java.util.Locale.ROOT, "%.1f× centre crop",
                        p.scales().get(i)), Draw.colour(o.colormap().argb(p.scales().size() == 1 ? 0.5
                                : 0.1 + 0.8 * i / (p.scales().size() - 1.0))), v));
            }
            double min = 1;
            for (BlockChart.Series line : lines) {
                for (double v : line.values()) {
                    min = Math.min(min, v);
                }
            }
            double floor = Math.max(0, Math.floor((min - 0.02) * 20) / 20); // zoomed: differences are small
            var words = p.words();
            String what = p.radix() == 1 ? "Mean gate" + (words.channelGate() ? " (" + words.name() + ")" : "")
                    : "Mean attention of " + words.unit(r);
            parts.add(BlockChart.draw(what + " per block for " + p.image() + " enlarged (SKNet's scale experiment)",
                    p.blocks(), lines, p.radix() == 1 ? "mean gate" : (words.sk() ? "mean a_m, m = " : "mean a_") + r,
                    floor, o.selected(), width, s));
        }
        return Drawing.column(s, parts);
    }

    /**
     * The comparison for a file: the window's export and {@code figure --view compare} alike.
     *
     * @param data an {@link AttentionComparison} or a {@link ScaleProfile}
     * @param origin its image is what is compared ("coat.png vs shirt.png", "coat.png at 1×, 1.5×, 2×")
     */
    public static FileFigure file(Object data, String block, Colormap colormap, Origin origin) {
        return FileFigure.of(() -> Comparisons.provenance(origin.model(), origin.image(), block, colormap)
                .withIntervention(origin.forced()), (width, style) -> {
                    List<String> blocks = data instanceof AttentionComparison c ? c.blocks()
                            : ((ScaleProfile) data).blocks();
                    Options o = new Options(colormap, blocks.indexOf(block));
                    return data instanceof AttentionComparison c ? draw(c, o, width, style)
                            : scales((ScaleProfile) data, o, width, style);
                }, () -> CompareData.of(data));
    }
}
