package org.splitscope.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Colour bars and the "nice" tick values of any axis. */
public final class ColorBars {
    private ColorBars() {}

    /**
     * A bar {@code length} pixels along the scale and {@code thickness} across; vertical bars have the
     * high end at the top. Values run linearly along the bar (so ticks are evenly spaced) and each
     * pixel has its value's colour: a centred range shows its neutral colour at the centre value.
     */
    public static Raster raster(Colormap colormap, ValueRange range, int length, int thickness, boolean vertical) {
        int w = vertical ? thickness : length;
        int h = vertical ? length : thickness;
        int[] argb = new int[w * h];
        for (int i = 0; i < length; i++) {
            double t = length == 1 ? 0.5 : (double) i / (length - 1);
            int colour = colormap.argb(range.normalize(range.min() + t * range.span()));
            for (int j = 0; j < thickness; j++) {
                if (vertical) {
                    argb[(length - 1 - i) * w + j] = colour;
                } else {
                    argb[j * w + i] = colour;
                }
            }
        }
        return new Raster(w, h, argb);
    }

    /** At most about {@code count} round values (1, 2, 2.5 or 5 × 10^n steps) within [min, max]. */
    public static List<Double> ticks(double min, double max, int count) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min) || count < 1 || !Double.isFinite(max - min)) {
            // no range, or none that doubles can step through: its ends (a non-finite value was refused
            // where the data was read; this keeps an axis from looping for ever if one gets here)
            ticks.add(Double.isFinite(min) ? min : 0.0);
            if (max > min && Double.isFinite(max)) {
                ticks.add(max);
            }
            return ticks;
        }
        double step = step(min, max, count);
        double first = Math.ceil(min / step - 1e-9) * step;
        for (int i = 0; i <= 4 * count + 16; i++) {
            double v = first + i * step;
            if (v > max + step * 1e-9) {
                break;
            }
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    /** The tick step {@link #ticks} uses. */
    public static double step(double min, double max, int count) {
        double raw = (max - min) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A tick label with just the digits its step needs (0.25, 1.5, 200, 1e-04). */
    public static String label(double value, double step) {
        if (value == 0) {
            return "0";
        }
        double a = Math.abs(step);
        if (a >= 1e-3 && a < 1e5) {
            int decimals = Math.max(0, BigDecimal.valueOf(a).stripTrailingZeros().scale());
            return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", value);
        }
        return String.format(Locale.ROOT, "%.2g", value);
    }

    /** A value for a readout: four significant digits. */
    public static String exact(double value) {
        if (value == 0 || Double.isNaN(value)) {
            return value == 0 ? "0" : "–";
        }
        double a = Math.abs(value);
        if (a >= 1e-3 && a < 1e5) {
            return BigDecimal.valueOf(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }
}
