package org.splitscope.view.dataset;

import org.splitscope.figure.Drawing;
import org.splitscope.figure.TextBlock;
import org.splitscope.figure.Fonts;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Draw;
import org.splitscope.figure.Hit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * SKNet's selection figure: one panel per SK block, the classes along x, the mean attention of the
 * larger kernel's path minus the smaller's on a value axis symmetric around 0, one line per object
 * scale (1×, 1.5×, 2× …) — above 0 the larger kernel is preferred (the values over all images are in
 * the figure's data).
 */
public final class SkScaleShiftFigure {
    /** Hover target: class {@code group} (index into the shown classes) in panel {@code panel}. */
    public record Point(int panel, int group) {}

    private SkScaleShiftFigure() {}

    public static Drawing draw(SkScaleShift shift, double width, FigureStyle st) {
        double p = st.pad();
        SkScaleShift.Panel first = shift.panels().get(0);
        TextBlock title = TextBlock.of("Mean attention of the larger kernel minus the smaller (" + first.larger()
                + " − " + first.smaller() + ") per class, objects enlarged " + SkScaleShift.words(shift.scales())
                + " (SKNet's selection figure)", st.title(), width - 2 * p);
        int n = shift.panels().size();
        int columns = Math.min(n, Math.max(2, Math.min(3, (int) (width / 150))));
        int rows = (n + columns - 1) / columns;
        double plotTop = Fonts.lineHeight(st.label()) * 1.3;
        double axisW = Fonts.width(st.small(), "−0.00") + st.smallSize() * 0.9;
        double cellW = (width - p - axisW) / columns;
        double plotW = cellW - p;
        double plotH = Math.min(plotW * 0.7, st.labelSize() * 14);
        double cellH = plotTop + plotH + Fonts.lineHeight(st.small()) * 2.8;
        double top = title.height() + p * 1.5;
        double max = Math.max(shift.maxAbs() * 1.1, 1e-3);
        Draw.Ticks ticks = Draw.ticks(-max, max, plotH, st.smallSize() * 3, false);
        double yMax = Math.max(max, Math.abs(ticks.values().get(0)));
        yMax = Math.max(yMax, ticks.values().get(ticks.values().size() - 1));
        final double m = yMax;
        int groups = shift.groups().size();
        List<Rectangle2D> plots = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rectangle2D area = new Rectangle2D.Double(p + axisW + (i % columns) * cellW,
                    top + (i / columns) * cellH + plotTop, plotW, plotH);
            plots.add(area);
            int at = i;
            hits.add(Hit.grid(area, groups, 1, (col, row) -> new Point(at, col)));
        }
        List<String> names = new ArrayList<>();
        for (int s = 0; s < shift.scales().size(); s++) {
            names.add(SkScaleShift.label(shift.scales().get(s)) + "×");
        }
        double legendTop = PanelGrid.legendTop(top, rows, cellH, p);
        List<double[]> legend = PanelGrid.legend(names, st, width);
        double height = PanelGrid.height(legendTop, legend, st);
        boolean markers = groups <= 60;
        return new Drawing(width, height, st, g -> {
            g.setColor(st.text());
            title.paint(g, p, p * 0.6);
            for (int i = 0; i < n; i++) {
                SkScaleShift.Panel panel = shift.panels().get(i);
                Rectangle2D a = plots.get(i);
                PanelGrid.axes(g, st, ticks, i % columns == 0, a, -m, m);
                g.setColor(st.neutral());
                g.setStroke(Draw.dashed(st, 2, 3));
                Draw.line(g, a.getX(), a.getCenterY(), a.getMaxX(), a.getCenterY());
                g.setStroke(new BasicStroke(st.line()));
                g.setColor(st.text());
                g.setFont(st.label());
                Draw.text(g, panel.block(), a.getX(), a.getY() - 3, Draw.H.LEFT, Draw.V.BOTTOM);
                g.setFont(st.small());
                g.setColor(st.muted());
                if (groups <= 12 && fits(shift.groups(), st, a.getWidth() / groups)) {
                    for (int c = 0; c < groups; c++) {
                        Draw.text(g, shift.groups().get(c), x(c, groups, a), a.getMaxY() + 2, Draw.H.CENTER, Draw.V.TOP);
                    }
                } else { // as the paper: the class index (the data export names each class)
                    Draw.text(g, "0", x(0, groups, a), a.getMaxY() + 2, Draw.H.CENTER, Draw.V.TOP);
                    if (groups > 1) {
                        Draw.text(g, String.valueOf(groups - 1), x(groups - 1, groups, a), a.getMaxY() + 2,
                                Draw.H.CENTER, Draw.V.TOP);
                    }
                    Draw.text(g, "class index (" + groups + " classes)", a.getCenterX(),
                            a.getMaxY() + 2 + Fonts.lineHeight(st.small()), Draw.H.CENTER, Draw.V.TOP);
                }
                for (int s = 0; s < shift.scales().size(); s++) {
                    g.setColor(colour(s));
                    g.setStroke(new BasicStroke(st.line() * 1.6f));
                    Path2D.Double path = new Path2D.Double();
                    for (int c = 0; c < groups; c++) {
                        double x = x(c, groups, a);
                        double y = y(panel.byGroup()[s][c], a, m);
                        if (c == 0) {
                            path.moveTo(x, y);
                        } else {
                            path.lineTo(x, y);
                        }
                        if (markers) {
                            double r = st.smallSize() * 0.22;
                            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                        }
                    }
                    g.draw(path);
                    g.setStroke(new BasicStroke(st.line()));
                }
            }
            g.setFont(st.small());
            double sw = st.smallSize() * 1.6;
            for (int i = 0; i < names.size(); i++) {
                double[] at = legend.get(i);
                double y = legendTop + at[1] + Fonts.lineHeight(st.small()) / 2;
                g.setColor(colour(i));
                g.setStroke(new BasicStroke(st.line() * 1.6f));
                Draw.line(g, p + at[0], y, p + at[0] + sw, y);
                g.setStroke(new BasicStroke(st.line()));
                g.setColor(st.muted());
                Draw.text(g, names.get(i), p + at[0] + sw + 3, y, Draw.H.LEFT, Draw.V.CENTER);
            }
        }, hits);
    }

    /** The scales in the Okabe–Ito order the dataset view's groups use. */
    static Color colour(int scale) {
        return ChannelProfileFigure.groupColour(scale);
    }

    private static boolean fits(List<String> names, FigureStyle st, double slot) {
        return names.stream().allMatch(s -> Fonts.width(st.small(), s) <= slot * 0.95);
    }

    private static double x(int c, int groups, Rectangle2D a) {
        return a.getX() + (c + 0.5) * a.getWidth() / groups;
    }

    private static double y(double v, Rectangle2D a, double max) {
        return a.getCenterY() - Math.max(-max, Math.min(v, max)) / max * a.getHeight() / 2;
    }
}
