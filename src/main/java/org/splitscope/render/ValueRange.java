package org.splitscope.render;

/**
 * The values a colour scale spans. With a centre (not NaN), each side of it is stretched
 * separately onto half the scale, so a diverging colormap puts its neutral colour exactly there
 * (e.g. the uniform attention 1/R) even when the range is lopsided.
 */
public record ValueRange(double min, double max, double center) {

    public ValueRange {
        if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("bad value range [" + min + ", " + max + "]");
        }
        if (!Double.isNaN(center) && (center < min || center > max)) {
            throw new IllegalArgumentException("centre " + center + " outside [" + min + ", " + max + "]");
        }
    }

    public static ValueRange of(double min, double max) {
        return new ValueRange(min, max, Double.NaN);
    }

    /** The smallest and largest finite value; [0, 1] when there is none. */
    public static ValueRange of(float[] values) {
        return of(values, 0, values.length);
    }

    public static ValueRange of(float[] values, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float v = values[i];
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min <= max ? of(min, max) : of(0, 1);
    }

    /** The union of both ranges (centre dropped). */
    public ValueRange union(ValueRange other) {
        return of(Math.min(min, other.min), Math.max(max, other.max));
    }

    /** [-m, m] around zero with m the largest magnitude: signed data on a diverging scale. */
    public ValueRange symmetric() {
        double m = Math.max(Math.abs(min), Math.abs(max));
        return new ValueRange(-m, m, 0);
    }

    /**
     * The scale for data with no centre of its own (activations, GAP values) on {@code colormap}.
     * A diverging map's neutral colour must mean something, so it goes to zero: signed data spread
     * symmetrically, non-negative data on the upper half only (neutral = 0, never mid-range). A
     * sequential map spans the data.
     */
    public ValueRange forColormap(Colormap colormap) {
        if (!colormap.diverging()) {
            return this;
        }
        if (min < 0 && max > 0) {
            return symmetric();
        }
        return centeredOn(0);
    }

    /** The same span, stretched to include c, with c as the neutral point. */
    public ValueRange centeredOn(double c) {
        return new ValueRange(Math.min(min, c), Math.max(max, c), c);
    }

    public boolean centered() {
        return !Double.isNaN(center);
    }

    public double span() {
        return max - min;
    }

    /** Position of v on the scale, in [0, 1] (clamped); 0.5 for a range of zero width. */
    public double normalize(double v) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        double t;
        if (centered()) {
            if (v >= center) {
                t = max > center ? 0.5 + 0.5 * (v - center) / (max - center) : 0.5;
            } else {
                t = center > min ? 0.5 * (v - min) / (center - min) : 0.5;
            }
        } else {
            t = max > min ? (v - min) / (max - min) : 0.5;
        }
        return Math.max(0, Math.min(1, t));
    }

    /** The value at position t in [0, 1] of the scale (the inverse of {@link #normalize}). */
    public double valueAt(double t) {
        if (centered()) {
            return t >= 0.5 ? center + (t - 0.5) * 2 * (max - center) : min + t * 2 * (center - min);
        }
        return min + t * (max - min);
    }
}
