package org.splitscope.render;

/** A heatmap laid over the input image. */
public final class Overlays {
    private Overlays() {}

    /** {@code top} over {@code base} (same size) with the given opacity in [0, 1]. */
    public static Raster blend(Raster base, Raster top, double opacity) {
        if (base.width() != top.width() || base.height() != top.height()) {
            throw new IllegalArgumentException("blend needs equal sizes: " + base.width() + "×" + base.height()
                    + " and " + top.width() + "×" + top.height());
        }
        double a = Math.max(0, Math.min(1, opacity));
        int[] out = new int[base.argb().length];
        for (int i = 0; i < out.length; i++) {
            int b = base.argb()[i];
            int t = top.argb()[i];
            int r = mix((b >> 16) & 0xFF, (t >> 16) & 0xFF, a);
            int g = mix((b >> 8) & 0xFF, (t >> 8) & 0xFF, a);
            int bl = mix(b & 0xFF, t & 0xFF, a);
            out[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
        return new Raster(base.width(), base.height(), out);
    }

    private static int mix(int under, int over, double a) {
        return (int) Math.round(under * (1 - a) + over * a);
    }

    /**
     * A map of any resolution (e.g. 7×7 of a late block) upsampled bilinearly to {@code size}×{@code size},
     * coloured, and blended over the input image resized to the same size: bilinearly, or with nearest
     * neighbours when enlarged at least twice (a 28×28 digit reads better as pixels than as a blur).
     */
    public static Raster overlay(Raster input, float[] map, int mapWidth, int mapHeight, Colormap colormap,
            ValueRange range, double opacity, int width, int height) {
        float[] up = Resampling.bilinear(map, mapWidth, mapHeight, width, height);
        Raster heat = Heatmaps.rasterize(up, width, height, colormap, range);
        Raster base = input.width() == width && input.height() == height ? input
                : width >= 2 * input.width() && height >= 2 * input.height() ? Resampling.nearest(input, width, height)
                : Resampling.bilinear(input, width, height);
        return blend(base, heat, opacity);
    }
}
