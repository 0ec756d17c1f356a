package org.splitscope.view.dataset;

import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.Hit;
import org.splitscope.figure.TextBlock;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * SENet Fig. 7 for split attention: per stage (its last split-attention block) the mean weight of
 * one split for every channel, channels ordered by the all-images mean, all images as a thick line
 * and each chosen group as a coloured one; one value axis for all panels so stages compare.
 */
public final class ChannelProfileFigure {
    /** Okabe–Ito: distinguishable with the common colour-vision deficiencies, on light and dark. */
    private static final int[] PALETTE = {0xFFE69F00, 0xFF56B4E9, 0xFF009E73, 0xFFD55E00, 0xFFCC79A7, 0xFF0072B2,
        0xFFF0E442, 0xFF999999};

    /** Hover target: the channel at {@code rank} of a stage's panel. */
    public record Channel(int stage, int rank) {}

    private ChannelProfileFigure() {}

    public static Color groupColour(int line) {
        return Draw.colour(PALETTE[line % PALETTE.length]);
    }

    public static Drawing draw(ChannelProfiles c, double width, FigureStyle st) {
        double p = st.pad();
        boolean gate = c.stages().stream().allMatch(s -> s.radix() == 1);
        TextBlock title = TextBlock.of((gate ? "Mean gate per channel" : "Mean weight of " + c.words().unit(c.split())
                + " per channel") + " at the last block of each stage, channels ordered by the all-images mean "
                + "(SENet Fig. 7 style)", st.title(), width - 2 * p);
        int n = c.stages().size();
        // as many stages in a row as a 150 pt panel allows (three at 7 in: the figure fits a page)
        int columns = Math.min(n, Math.max(2, Math.min(4, (int) (width / 150))));
        int rows = (n + columns - 1) / Math.max(columns, 1);
        double max = 0.05;
        for (ChannelProfiles.Profile s : c.stages()) {
            for (double v : s.all()) {
                max = Math.max(max, v);
            }
            for (double[] line : s.lines()) {
                for (double v : line) {
                    max = Math.max(max, v);
                }
            }
        }
        double plotTop = Fonts.lineHeight(st.label()) * 1.3;
        double axisW = Fonts.width(st.small(), "0.00") + st.smallSize() * 0.9;
        double cellW = (width - p - axisW) / Math.max(columns, 1);
        double plotW = cellW - p;
        double plotH = Math.min(plotW * 0.7, st.labelSize() * 14);
        double cellH = plotTop + plotH + Fonts.lineHeight(st.small()) * 1.8;
        double top = title.height() + p * 1.5;
        Draw.Ticks ticks = Draw.ticks(0, max, plotH, st.smallSize() * 3, false);
        double yMax = Math.max(max, ticks.values().get(ticks.values().size() - 1));
        List<Rectangle2D> plots = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = p + axisW + (i % columns) * cellW;
            double y = top + (i / columns) * cellH + plotTop;
            Rectangle2D area = new Rectangle2D.Double(x, y, plotW, plotH);
            plots.add(area);
            int stage = i;
            hits.add(Hit.grid(area, c.stages().get(i).order().length, 1, (col, row) -> new Channel(stage, col)));
        }
        List<String> names = new ArrayList<>(List.of("all images"));
        names.addAll(c.names());
        double legendTop = PanelGrid.legendTop(top, rows, cellH, p);
        List<double[]> legend = PanelGrid.legend(names, st, width);
        double height = PanelGrid.height(legendTop, legend, st);
        return new Drawing(width, height, st, g -> {
            g.setColor(st.text());
            title.paint(g, p, p * 0.6);
            for (int i = 0; i < n; i++) {
                ChannelProfiles.Profile s = c.stages().get(i);
                Rectangle2D a = plots.get(i);
                PanelGrid.axes(g, st, ticks, i % columns == 0, a, 0, yMax);
                g.setColor(st.text());
                g.setFont(st.label());
                Draw.text(g, s.block() + (s.radix() == 1 ? " · gate" : ""), a.getX(), a.getY() - 3, Draw.H.LEFT,
                        Draw.V.BOTTOM);
                g.setFont(st.small());
                g.setColor(st.muted());
                String full = "channels by all-images mean (" + s.order().length + ")";
                // shorter words where the panel is narrow (the title says how they are ordered), never a cut
                Draw.text(g, Fonts.width(st.small(), full) <= a.getWidth() ? full : "channels (" + s.order().length
                        + ")", a.getCenterX(),
                        a.getMaxY() + 2, Draw.H.CENTER, Draw.V.TOP);
                for (int l = 0; l < s.lines().size(); l++) {
                    g.setColor(groupColour(l));
                    g.setStroke(new BasicStroke(st.line() * 1.6f));
                    g.draw(path(s.lines().get(l), a, yMax));
                }
                g.setColor(st.text());
                g.setStroke(new BasicStroke(st.line() * 3f));
                g.draw(path(s.all(), a, yMax));
                g.setStroke(new BasicStroke(st.line()));
            }
            g.setFont(st.small());
            double sw = st.smallSize() * 1.6;
            for (int i = 0; i < names.size(); i++) {
                double[] at = legend.get(i);
                double y = legendTop + at[1] + Fonts.lineHeight(st.small()) / 2;
                g.setColor(i == 0 ? st.text() : groupColour(i - 1));
                g.setStroke(new BasicStroke(st.line() * (i == 0 ? 3f : 1.6f)));
                Draw.line(g, p + at[0], y, p + at[0] + sw, y);
                g.setStroke(new BasicStroke(st.line()));
                g.setColor(st.muted());
                Draw.text(g, names.get(i), p + at[0] + sw + 3, y, Draw.H.LEFT, Draw.V.CENTER);
            }
        }, hits);
    }

    /** The channel values as a line across the plot, one point per channel at its centre. */
    private static Path2D path(double[] values, Rectangle2D a, double yMax) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < values.length; i++) {
            double x = a.getX() + (i + 0.5) * a.getWidth() / values.length;
            double y = a.getMaxY() - Math.max(0, Math.min(values[i], yMax)) / yMax * a.getHeight();
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }
}
