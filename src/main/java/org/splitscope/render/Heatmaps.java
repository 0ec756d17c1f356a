package org.splitscope.render;

/** Float grids to colours. */
public final class Heatmaps {
    private Heatmaps() {}

    /** Each value of a row-major width × height grid through the colormap on the given range. */
    public static Raster rasterize(float[] grid, int width, int height, Colormap colormap, ValueRange range) {
        return rasterize(grid, 0, width, height, colormap, range);
    }

    /** The same for a grid starting at {@code offset} of a larger array (one channel of a [C, H, W] block). */
    public static Raster rasterize(float[] values, int offset, int width, int height, Colormap colormap,
            ValueRange range) {
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = colormap.argb(range.normalize(values[offset + i]));
        }
        return new Raster(width, height, argb);
    }
}
