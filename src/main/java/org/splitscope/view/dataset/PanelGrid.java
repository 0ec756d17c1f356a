package org.splitscope.view.dataset;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.splitscope.figure.BlockChart;
import org.splitscope.figure.Draw;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Fonts;

/**
 * What the dataset view's panel figures (channel profiles, SENet's profile, SKNet's scale shift)
 * share: a grid of line-plot panels with the legend below; one place so the three stay alike.
 */
final class PanelGrid {
    private PanelGrid() {}

    /** The legend's top below the grid's rows. */
    static double legendTop(double top, int rows, double cellH, double pad) {
        return top + rows * cellH + pad * 0.3;
    }

    /** The figure's height: the grid, then the legend laid out for the names. */
    static double height(double legendTop, List<double[]> legend, FigureStyle st) {
        return legendTop + legend.get(legend.size() - 1)[1] + Fonts.lineHeight(st.small()) + st.pad();
    }

    /** One panel's value axis (labelled in the first column only) and its baseline. */
    static void axes(Graphics2D g, FigureStyle st, Draw.Ticks ticks, boolean firstColumn, Rectangle2D a,
            double lo, double hi) {
        Draw.valueAxis(g, st, firstColumn ? ticks : ticks.unlabelled(), a.getX(), a.getY(), a.getMaxY(),
                a.getMaxX(), lo, hi, null, 0);
        g.setColor(st.axis());
        Draw.line(g, a.getX(), a.getMaxY(), a.getMaxX(), a.getMaxY());
    }

    /** The legend rows for the names, as wide as the figure leaves. */
    static List<double[]> legend(List<String> names, FigureStyle st, double width) {
        return BlockChart.legendLayout(names, st, width - 2 * st.pad());
    }
}
