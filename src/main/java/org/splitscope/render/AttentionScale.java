package org.splitscope.render;

/**
 * How the colour scale of attention weights is chosen. Weights live on [0, 1], but with R = 4 they
 * cluster around 0.25 and a fixed 0–1 scale paints the whole matrix in nearly one colour; the data
 * and uniform-centred scales stretch what is there. On a diverging map the neutral colour is always
 * the uniform weight 1/R (½ for a sigmoid gate), so "more than uniform" reads warm.
 */
public enum AttentionScale {
    FIXED("fixed 0 – 1"),
    DATA("data min – max"),
    AROUND_UNIFORM("symmetric around 1/R");

    private final String label;

    AttentionScale(String label) {
        this.label = label;
    }

    /** The weight every split gets when attention is uniform: 1/R, or ½ for the sigmoid gate of R = 1. */
    public static double uniform(int radix) {
        return radix >= 2 ? 1.0 / radix : 0.5;
    }

    /** @param weights the attention shown (finite values in [0, 1]) */
    public ValueRange range(float[] weights, int radix, Colormap colormap) {
        double u = uniform(radix);
        ValueRange data = ValueRange.of(weights);
        ValueRange range = switch (this) {
            case FIXED -> ValueRange.of(0, 1);
            case DATA -> data.span() > 0 ? data : ValueRange.of(Math.max(0, data.min() - 0.01), Math.min(1, data.max() + 0.01));
            case AROUND_UNIFORM -> {
                double m = Math.max(Math.max(Math.abs(data.max() - u), Math.abs(data.min() - u)), 0.01);
                yield ValueRange.of(Math.max(0, u - m), Math.min(1, u + m));
            }
        };
        return colormap.diverging() || this == AROUND_UNIFORM ? range.centeredOn(u) : range;
    }

    @Override
    public String toString() {
        return label;
    }
}
