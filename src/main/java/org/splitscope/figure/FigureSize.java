package org.splitscope.figure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of an exported figure: its width in points (the layout unit of files) and the
 * resolution of PNGs. "3.5in" at 300 dpi is 252 pt wide and 1050 px in a PNG; "1200px" at 300 dpi
 * is 4 in.
 */
public record FigureSize(double widthPt, double dpi) {
    public static final double MIN_DPI = 36;
    public static final double MAX_DPI = 2400;
    /** Enough for two journal pages side by side; more is a mistake, not a figure. */
    public static final double MAX_WIDTH_IN = 40;
    private static final Pattern WIDTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*(in|px|cm|mm|pt)\\s*");

    public FigureSize {
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s dpi is outside %.0f – %.0f", fmt(dpi),
                    MIN_DPI, MAX_DPI));
        }
        if (!(widthPt >= 72 && widthPt <= MAX_WIDTH_IN * 72)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a figure %s in wide is outside 1 – %.0f in", fmt(widthPt / 72), MAX_WIDTH_IN));
        }
    }

    /** @param width "3.5in", "1200px", "9cm", "90mm" or "252pt" */
    public static FigureSize parse(String width, double dpi) {
        Matcher m = WIDTH.matcher(width.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("width '" + width + "' is not like 3.5in, 1200px, 9cm, 90mm or 252pt");
        }
        double v = Double.parseDouble(m.group(1));
        double pt = switch (m.group(2)) {
            case "in" -> v * 72;
            case "cm" -> v / 2.54 * 72;
            case "mm" -> v / 25.4 * 72;
            case "pt" -> v;
            default -> v * 72 / dpi; // px
        };
        return new FigureSize(pt, dpi);
    }

    public double widthIn() {
        return widthPt / 72;
    }

    /** Pixels in a PNG for {@code pt} points. */
    public int pixels(double pt) {
        return (int) Math.ceil(pt * dpi / 72 - 1e-6);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
