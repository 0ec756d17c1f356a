package org.splitscope.app.plot;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;
import org.splitscope.render.ValueRange;

/** Axis ticks, labels and colour bars drawn on a canvas. */
public final class Axes {
    private Axes() {}

    public static void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos baseline) {
        g.setTextAlign(align);
        g.setTextBaseline(baseline);
        g.fillText(s, x, y);
    }

    /** Text turned 90° anticlockwise, centred on (x, y): y-axis labels. */
    public static void vertical(GraphicsContext g, String s, double x, double y) {
        g.save();
        g.translate(x, y);
        g.rotate(-90);
        text(g, s, 0, 0, TextAlignment.CENTER, VPos.CENTER);
        g.restore();
    }

    /**
     * A value axis on the left of a plot area: ticks, labels, grid lines across to {@code right}, and the
     * axis label turned along it.
     */
    public static void valueAxis(GraphicsContext g, PlotStyle s, double x, double top, double bottom, double right,
            double min, double max, String label) {
        valueAxis(g, s, x, top, bottom, right, min, max, label, false);
    }

    /** @param counts the values are counts: whole-number ticks only */
    public static void valueAxis(GraphicsContext g, PlotStyle s, double x, double top, double bottom, double right,
            double min, double max, String label, boolean counts) {
        int count = Math.max(2, (int) ((bottom - top) / 36));
        double step = ColorBars.step(min, max, count);
        List<Double> ticks = ColorBars.ticks(min, max, count);
        if (counts && step < 1 || counts && step != Math.rint(step)) {
            step = Math.max(1, Math.ceil(step));
            ticks = new java.util.ArrayList<>();
            for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) {
                ticks.add(v);
            }
        }
        g.setFont(s.small());
        g.setLineWidth(1);
        for (double v : ticks) {
            double y = snap(bottom - (v - min) / (max - min) * (bottom - top));
            g.setStroke(s.grid());
            g.strokeLine(x, y, right, y);
            g.setStroke(s.axis());
            g.strokeLine(x - 4, y, x, y);
            g.setFill(s.muted());
            text(g, ColorBars.label(v, step), x - 6, y, TextAlignment.RIGHT, VPos.CENTER);
        }
        g.setStroke(s.axis());
        g.strokeLine(snap(x), top, snap(x), bottom);
        if (label != null) {
            g.setFill(s.text());
            g.setFont(s.font());
            vertical(g, label, x - 44, (top + bottom) / 2);
        }
    }

    /**
     * A vertical colour bar at (x, y) of size w × h with ticks and labels to its right and the label
     * turned along it further right. Needs about w + 70 pixels of width.
     */
    public static void colorBar(GraphicsContext g, PlotStyle s, Colormap colormap, ValueRange range, double x,
            double y, double w, double h, String label) {
        int length = Math.max(2, (int) Math.round(h));
        g.setImageSmoothing(true);
        g.drawImage(FxImages.of(ColorBars.raster(colormap, range, length, 1, true)), x, y, w, h);
        g.setStroke(s.axis());
        g.setLineWidth(1);
        g.strokeRect(snap(x), snap(y), Math.round(w), Math.round(h));
        int count = Math.max(2, (int) (h / 34));
        double step = ColorBars.step(range.min(), range.max(), count);
        g.setFont(s.small());
        g.setFill(s.muted());
        double widest = 0;
        for (double v : ColorBars.ticks(range.min(), range.max(), count)) {
            double ty = snap(y + h - (range.span() == 0 ? 0.5 : (v - range.min()) / range.span()) * h);
            g.strokeLine(x + w, ty, x + w + 4, ty);
            String t = ColorBars.label(v, step);
            widest = Math.max(widest, t.length());
            text(g, t, x + w + 6, ty, TextAlignment.LEFT, VPos.CENTER);
        }
        if (label != null) {
            g.setFill(s.text());
            g.setFont(s.font());
            vertical(g, label, x + w + 14 + widest * 6.2, y + h / 2);
        }
    }

    /** Crisp one-pixel lines. */
    public static double snap(double v) {
        return Math.floor(v) + 0.5;
    }
}
