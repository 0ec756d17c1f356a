package org.splitscope.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.render.ColorBars;
import org.splitscope.render.Colormap;
import org.splitscope.render.Raster;
import org.splitscope.render.Resampling;
import org.splitscope.render.ValueRange;

/** What figures are made of: aligned text, axes, colour bars, crisp rasters. Graphics2D only. */
public final class Draw {
    public enum H { LEFT, CENTER, RIGHT }

    public enum V { TOP, CENTER, BASELINE, BOTTOM }

    private Draw() {}

    /** The settings every output paints with (vector outputs ignore what does not apply). */
    public static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    public static void text(Graphics2D g, String text, double x, double y, H h, V v) {
        // Names from files and folders (groups, blocks, images) may hold control characters: drawn
        // visible (\x1B), as on the terminal; raw, an ESC makes an SVG that is not well-formed XML.
        String s = org.splitscope.io.Printable.clean(text);
        Font font = g.getFont();
        LineMetrics m = Fonts.metrics(font);
        boolean symbols = MathText.hasSymbols(s); // a_r(c), U_r, s^k set with sub- and superscripts
        double w = symbols ? MathText.textWidth(font, s) : Fonts.width(font, s);
        double dx = switch (h) {
            case LEFT -> 0;
            case CENTER -> -w / 2;
            case RIGHT -> -w;
        };
        double dy = switch (v) {
            case TOP -> m.getAscent();
            case CENTER -> (m.getAscent() - m.getDescent()) / 2;
            case BASELINE -> 0;
            case BOTTOM -> -m.getDescent();
        };
        if (symbols) {
            MathText.paintText(g, s, x + dx, y + dy);
        } else {
            g.drawString(s, (float) (x + dx), (float) (y + dy));
        }
        Layout log = PLACED.get();
        if (log != null) {
            Rectangle2D box = new Rectangle2D.Double(x + dx, y + dy - m.getAscent(), w, m.getAscent() + m.getDescent());
            log.texts().add(new PlacedText(s, g.getTransform().createTransformedShape(box).getBounds2D()));
        }
    }

    /** A text as painted: where its box ended up in the drawing's coordinates. */
    public record PlacedText(String text, Rectangle2D bounds) {}

    /** A scale as painted: a value axis or a colour bar, with how many of its ticks carry a label. */
    public record PlacedScale(String label, int labelledTicks) {}

    /**
     * What a drawing paints, for layout checks: its texts, the boxes of its pictures (rasters and
     * colour bars, which no text may touch) and its scales.
     */
    public record Layout(List<PlacedText> texts, List<Rectangle2D> pictures, List<PlacedScale> scales) {}

    /** Collects what {@link #text}, {@link #raster}, {@link #valueAxis} and {@link #colorBar} paint on this thread. */
    private static final ThreadLocal<Layout> PLACED = new ThreadLocal<>();

    /** Every text of the drawing with its box, for layout checks (nothing cut off, nothing on top of another). */
    public static List<PlacedText> placedText(Drawing d) {
        return layout(d).texts();
    }

    /** Everything {@link Layout} records of the drawing, painted once off screen. */
    public static Layout layout(Drawing d) {
        Layout log = new Layout(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        PLACED.set(log);
        try {
            d.paint(g);
        } finally {
            PLACED.remove();
            g.dispose();
        }
        return log;
    }

    private static void picture(Graphics2D g, double x, double y, double w, double h) {
        Layout log = PLACED.get();
        if (log != null) {
            log.pictures().add(g.getTransform().createTransformedShape(new Rectangle2D.Double(x, y, w, h))
                    .getBounds2D());
        }
    }

    private static void scale(String label, Ticks ticks) {
        Layout log = PLACED.get();
        if (log != null) {
            log.scales().add(new PlacedScale(label, (int) ticks.labels().stream().filter(l -> !l.isBlank()).count()));
        }
    }

    /** Text turned 90° anticlockwise, centred on (x, y): y-axis labels. */
    public static void vertical(Graphics2D g, String s, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        text(g, s, 0, 0, H.CENTER, V.CENTER);
        g.setTransform(saved);
    }

    /** Words of {@code s} in lines no wider than {@code width}. */
    public static List<String> wrap(String s, Font font, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && Fonts.width(font, next) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The longest text if cut to {@code width} with an ellipsis. */
    public static String fit(String s, Font font, double width) {
        if (Fonts.width(font, s) <= width) {
            return s;
        }
        for (int n = s.length() - 1; n > 0; n--) {
            String cut = s.substring(0, n) + "…";
            if (Fonts.width(font, cut) <= width) {
                return cut;
            }
        }
        return "…";
    }

    public static void line(Graphics2D g, double x0, double y0, double x1, double y1) {
        g.draw(new Line2D.Double(x0, y0, x1, y1));
    }

    public static void fill(Graphics2D g, Color colour, double x, double y, double w, double h) {
        g.setColor(colour);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    public static void frame(Graphics2D g, FigureStyle s, Color colour, double x, double y, double w, double h) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(s.line()));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    public static BasicStroke dashed(FigureStyle s, float on, float off) {
        return new BasicStroke(s.line(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {on * s.line(), off * s.line()}, 0);
    }

    public static Color colour(int argb) {
        return new Color(argb, (argb >>> 24) != 0xFF);
    }

    /**
     * A raster stretched over (x, y, w, h) with hard pixel edges in every output: enlarged by whole
     * multiples beforehand to at least the device resolution (FXGraphics2D always smooths, and
     * vector viewers may), then drawn without interpolation.
     */
    public static void raster(Graphics2D g, FigureStyle s, Raster r, double x, double y, double w, double h) {
        if (r.width() == 0 || r.height() == 0 || w <= 0 || h <= 0) {
            return;
        }
        picture(g, x, y, w, h);
        java.awt.Shape clip = g.getClip();
        if (clip != null && !clip.intersects(x, y, w, h)) {
            return; // off screen: a long grid on screen paints only what is visible
        }
        double scale = Math.max(Math.abs(g.getTransform().getScaleX()), s.rasterScale());
        int factor = (int) Math.ceil(Math.max(w * scale / r.width(), h * scale / r.height()));
        factor = Math.max(1, Math.min(factor, 4096 / Math.max(r.width(), r.height())));
        Raster big = factor == 1 ? r : Resampling.nearest(r, r.width() * factor, r.height() * factor);
        AffineTransform at = new AffineTransform();
        at.translate(x, y);
        at.scale(w / big.width(), h / big.height());
        g.drawImage(big.toBufferedImage(), at, null);
    }

    /** Tick labels of a value axis: their values and the text of each. */
    public record Ticks(List<Double> values, List<String> labels) {
        /** The same ticks without their labels (a second panel on the same scale). */
        public Ticks unlabelled() {
            return new Ticks(values, values.stream().map(v -> "").toList());
        }

        public double widest(Font font) {
            double w = 0;
            for (String l : labels) {
                w = Math.max(w, Fonts.width(font, l));
            }
            return w;
        }
    }

    /**
     * Round ticks over [min, max], about one per {@code spacing} units of {@code length}, and at least
     * three where the range has room for them (a short axis over a narrow range otherwise labels
     * one value, which says nothing about the scale).
     */
    public static Ticks ticks(double min, double max, double length, double spacing, boolean counts) {
        int count = Math.max(2, (int) (length / spacing));
        while (max > min && count < 12 && ColorBars.ticks(min, max, count).size() < 3) {
            count++;
        }
        double step = ColorBars.step(min, max, count);
        List<Double> values = ColorBars.ticks(min, max, count);
        if (counts && step != Math.rint(step)) {
            step = Math.max(1, Math.ceil(step));
            values = new ArrayList<>();
            for (double v = Math.ceil(min / step) * step; v <= max + 1e-9 && values.size() <= 4 * count + 16; v += step) {
                values.add(v);
            }
        }
        List<String> labels = new ArrayList<>();
        for (double v : values) {
            labels.add(ColorBars.label(v, step));
        }
        return new Ticks(values, labels);
    }

    /**
     * A vertical value axis at {@code x} over [top, bottom] with grid lines across to {@code right};
     * tick labels to the left, the axis label turned along it at {@code labelX}.
     */
    public static void valueAxis(Graphics2D g, FigureStyle s, Ticks ticks, double x, double top, double bottom,
            double right, double min, double max, String label, double labelX) {
        g.setFont(s.small());
        g.setStroke(new BasicStroke(s.line()));
        double tick = s.smallSize() * 0.4;
        for (int i = 0; i < ticks.values().size(); i++) {
            double v = ticks.values().get(i);
            double y = bottom - (v - min) / (max - min) * (bottom - top);
            g.setColor(s.grid());
            line(g, x, y, right, y);
            g.setColor(s.axis());
            line(g, x - tick, y, x, y);
            g.setColor(s.muted());
            text(g, ticks.labels().get(i), x - tick * 1.5, y, H.RIGHT, V.CENTER);
        }
        g.setColor(s.axis());
        line(g, x, top, x, bottom);
        scale(label, ticks);
        if (label != null) {
            g.setColor(s.text());
            g.setFont(s.label());
            vertical(g, label, labelX, (top + bottom) / 2);
        }
    }

    /** Room a colour bar needs beside its bar: ticks, their labels and the turned label. */
    public static double colorBarWidth(FigureStyle s, ValueRange range, double height) {
        Ticks t = colorTicks(s, range, height);
        return s.smallSize() * 1.2 + s.smallSize() * 0.9 + t.widest(s.small()) + Fonts.lineHeight(s.label()) * 1.2;
    }

    private static Ticks colorTicks(FigureStyle s, ValueRange range, double height) {
        return ticks(range.min(), range.max(), height, s.smallSize() * 3.2, false);
    }

    /**
     * A vertical colour bar at (x, y), {@code h} high: stripes of the colormap (vector in SVG and
     * PDF, no smoothed edge), ticks and labels to the right, the label turned beside them.
     */
    public static void colorBar(Graphics2D g, FigureStyle s, Colormap colormap, ValueRange range, double x, double y,
            double h, String label) {
        double w = s.smallSize() * 1.2;
        int stripes = 128;
        for (int i = 0; i < stripes; i++) {
            double t = (i + 0.5) / stripes;
            double y1 = y + h - (i + 1) * h / stripes;
            // Each stripe reaches into the next one up (painted over it next), so no background shows
            // between them and nothing sticks out below the bar.
            double overlap = i == stripes - 1 ? 0 : h / stripes * 0.5;
            fill(g, colour(colormap.argb(range.normalize(range.min() + t * range.span()))), x, y1 - overlap, w,
                    h / stripes + overlap);
        }
        frame(g, s, s.axis(), x, y, w, h);
        picture(g, x, y, w, h);
        Ticks ticks = colorTicks(s, range, h);
        scale(label, ticks);
        g.setFont(s.small());
        double tick = s.smallSize() * 0.4;
        for (int i = 0; i < ticks.values().size(); i++) {
            double v = ticks.values().get(i);
            double ty = y + h - (range.span() == 0 ? 0.5 : (v - range.min()) / range.span()) * h;
            g.setColor(s.axis());
            line(g, x + w, ty, x + w + tick, ty);
            g.setColor(s.muted());
            text(g, ticks.labels().get(i), x + w + tick * 2, ty, H.LEFT, V.CENTER);
        }
        if (label != null) {
            g.setColor(s.text());
            g.setFont(s.label());
            double lx = x + w + tick * 2 + ticks.widest(s.small()) + Fonts.lineHeight(s.label()) * 0.7;
            vertical(g, fit(label, s.label(), h), lx, y + h / 2);
        }
    }
}
