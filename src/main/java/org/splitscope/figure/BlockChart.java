package org.splitscope.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart over the split-attention blocks in depth order: one point per block and series,
 * stage boundaries as dotted lines with the stage names above, the selected block's column shaded,
 * a legend; each block's column is a hit target.
 */
public final class BlockChart {

    /** One line: a value per block. */
    public record Series(String name, Color colour, double[] values) {}

    /** Hover and click target: the block at this index of the chart's blocks. */
    public record Point(int block) {}

    private BlockChart() {}

    /**
     * @param selected index of the block to shade, −1 for none
     * @param yMin the value axis from here to the largest value (rounded up to a tick)
     */
    public static Drawing draw(String heading, List<String> blocks, List<Series> series, String yLabel, double yMin,
            int selected, double width, FigureStyle s) {
        double p = s.pad();
        TextBlock title = TextBlock.of(heading, s.title(), width - 2 * p);
        double max = yMin + 1e-9;
        for (Series line : series) {
            for (double v : line.values()) {
                max = Math.max(max, v);
            }
        }
        double plotH = Math.min(width * 0.32, s.labelSize() * 16);
        Draw.Ticks ticks = Draw.ticks(yMin, max, plotH, s.smallSize() * 3, false);
        double yMax = Math.max(max, ticks.values().get(ticks.values().size() - 1));
        double axisLabel = Fonts.lineHeight(s.label()) * 1.2;
        double left = p + axisLabel + ticks.widest(s.small()) + s.smallSize();
        double right = width - p;
        double top = title.height() + p * 1.2 + Fonts.lineHeight(s.small()) * 1.2;
        double bottom = top + plotH;
        int n = blocks.size();
        double step = (right - left) / Math.max(n, 1);
        double labelsH = Fonts.lineHeight(s.small()) * 1.4;
        List<double[]> legend = legendLayout(series.stream().map(Series::name).toList(), s, right - left);
        double legendTop = bottom + labelsH + p * 0.3;
        double height = legendTop + (legend.isEmpty() ? 0 : legend.get(legend.size() - 1)[1])
                + Fonts.lineHeight(s.small()) * 1.3 + p;
        Rectangle2D plot = new Rectangle2D.Double(left, top, right - left, plotH);
        List<Hit> hits = List.of(Hit.grid(plot, n, 1, (c, r) -> new Point(c)));
        int labelEvery = Math.max(1, (int) Math.ceil(Fonts.width(s.small(), "layer4.22") * 1.2 / step));
        return new Drawing(width, height, s, g -> {
            g.setColor(s.text());
            title.paint(g, p, p * 0.6);
            if (selected >= 0 && selected < n) {
                Draw.fill(g, s.grid(), left + selected * step, top, step, plotH);
            }
            Draw.valueAxis(g, s, ticks, left, top, bottom, right, yMin, yMax, yLabel, p + axisLabel * 0.5);
            g.setColor(s.axis());
            Draw.line(g, left, bottom, right, bottom);
            g.setFont(s.small());
            String stage = null;
            for (int j = 0; j < n; j++) {
                String name = blocks.get(j);
                int dot = name.indexOf('.');
                String here = dot < 0 ? name : name.substring(0, dot);
                if (!here.equals(stage)) {
                    if (stage != null) {
                        g.setColor(s.neutral());
                        g.setStroke(Draw.dashed(s, 1, 2));
                        Draw.line(g, left + j * step, top - Fonts.lineHeight(s.small()), left + j * step, bottom);
                        g.setStroke(new BasicStroke(s.line()));
                    }
                    g.setColor(s.muted());
                    Draw.text(g, here, left + j * step + 3, top - 2, Draw.H.LEFT, Draw.V.BOTTOM);
                    stage = here;
                }
                if (j % labelEvery == 0) {
                    g.setColor(s.muted());
                    Draw.text(g, dot < 0 ? name : name.substring(dot), left + (j + 0.5) * step, bottom + 2,
                            Draw.H.CENTER, Draw.V.TOP);
                }
            }
            double dotSize = Math.min(step * 0.5, s.smallSize() * 0.55);
            for (Series line : series) {
                g.setColor(line.colour());
                g.setStroke(new BasicStroke(s.line() * 1.8f));
                Path2D.Double path = new Path2D.Double();
                for (int j = 0; j < n; j++) {
                    double x = left + (j + 0.5) * step;
                    double y = bottom - (line.values()[j] - yMin) / (yMax - yMin) * plotH;
                    if (j == 0) {
                        path.moveTo(x, y);
                    } else {
                        path.lineTo(x, y);
                    }
                    g.fill(new Ellipse2D.Double(x - dotSize / 2, y - dotSize / 2, dotSize, dotSize));
                }
                g.draw(path);
            }
            g.setStroke(new BasicStroke(s.line()));
            for (int i = 0; i < series.size(); i++) {
                double[] at = legend.get(i);
                double y = legendTop + at[1] + Fonts.lineHeight(s.small()) / 2;
                g.setColor(series.get(i).colour());
                g.setStroke(new BasicStroke(s.line() * 1.8f));
                Draw.line(g, left + at[0], y, left + at[0] + s.smallSize() * 1.6, y);
                g.setStroke(new BasicStroke(s.line()));
                g.setColor(s.muted());
                Draw.text(g, series.get(i).name(), left + at[0] + s.smallSize() * 1.6 + 3, y, Draw.H.LEFT,
                        Draw.V.CENTER);
            }
        }, hits);
    }

    /** x and y offset of each legend entry (a line swatch and a name), wrapping where the width runs out. */
    public static List<double[]> legendLayout(List<String> names, FigureStyle s, double width) {
        List<double[]> at = new ArrayList<>();
        double x = 0;
        double y = 0;
        for (String name : names) {
            double w = s.smallSize() * 1.6 + 3 + Fonts.width(s.small(), name) + s.smallSize() * 1.5;
            if (x > 0 && x + w > width) {
                x = 0;
                y += Fonts.lineHeight(s.small()) * 1.3;
            }
            at.add(new double[] {x, y});
            x += w;
        }
        return at;
    }
}
