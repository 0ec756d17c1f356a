package org.splitscope.render;

/**
 * Bilinear upsampling as PyTorch's {@code F.interpolate(mode="bilinear", align_corners=False)}:
 * pixel centres are aligned, so a map of a strided layer lands on the input where the network's
 * receptive fields are centred, and a figure made here matches one made in Python.
 */
public final class Resampling {
    private Resampling() {}

    public static float[] bilinear(float[] src, int width, int height, int outWidth, int outHeight) {
        return bilinear(src, 0, width, height, outWidth, outHeight);
    }

    public static float[] bilinear(float[] src, int offset, int width, int height, int outWidth, int outHeight) {
        float[] out = new float[outWidth * outHeight];
        int[] x0 = new int[outWidth];
        int[] x1 = new int[outWidth];
        float[] fx = new float[outWidth];
        axis(width, outWidth, x0, x1, fx);
        int[] y0 = new int[outHeight];
        int[] y1 = new int[outHeight];
        float[] fy = new float[outHeight];
        axis(height, outHeight, y0, y1, fy);
        for (int y = 0; y < outHeight; y++) {
            int r0 = offset + y0[y] * width;
            int r1 = offset + y1[y] * width;
            float wy = fy[y];
            for (int x = 0; x < outWidth; x++) {
                float top = src[r0 + x0[x]] + (src[r0 + x1[x]] - src[r0 + x0[x]]) * fx[x];
                float bottom = src[r1 + x0[x]] + (src[r1 + x1[x]] - src[r1 + x0[x]]) * fx[x];
                out[y * outWidth + x] = top + (bottom - top) * wy;
            }
        }
        return out;
    }

    /** Source indices and weights along one axis (align_corners=False, edges clamped). */
    private static void axis(int in, int out, int[] i0, int[] i1, float[] frac) {
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double s = Math.max(0, (o + 0.5) * scale - 0.5);
            int lo = Math.min((int) s, in - 1);
            i0[o] = lo;
            i1[o] = Math.min(lo + 1, in - 1);
            frac[o] = (float) (s - lo);
        }
    }

    /** An ARGB raster resized bilinearly per channel (for the input image under an overlay). */
    public static Raster bilinear(Raster src, int outWidth, int outHeight) {
        int n = src.width() * src.height();
        float[][] channels = new float[4][n];
        for (int i = 0; i < n; i++) {
            int p = src.argb()[i];
            channels[0][i] = p >>> 24;
            channels[1][i] = (p >> 16) & 0xFF;
            channels[2][i] = (p >> 8) & 0xFF;
            channels[3][i] = p & 0xFF;
        }
        float[][] scaled = new float[4][];
        for (int c = 0; c < 4; c++) {
            scaled[c] = bilinear(channels[c], src.width(), src.height(), outWidth, outHeight);
        }
        int[] argb = new int[outWidth * outHeight];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = byteOf(scaled[0][i]) << 24 | byteOf(scaled[1][i]) << 16 | byteOf(scaled[2][i]) << 8
                    | byteOf(scaled[3][i]);
        }
        return new Raster(outWidth, outHeight, argb);
    }

    /** Nearest-neighbour resize: small inputs (28×28) stay crisp pixels under an overlay. */
    public static Raster nearest(Raster src, int outWidth, int outHeight) {
        int[] argb = new int[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            int sy = Math.min(src.height() - 1, (int) ((long) y * src.height() / outHeight));
            for (int x = 0; x < outWidth; x++) {
                argb[y * outWidth + x] = src.argb()[sy * src.width() + Math.min(src.width() - 1, (int) ((long) x * src.width() / outWidth))];
            }
        }
        return new Raster(outWidth, outHeight, argb);
    }

    private static int byteOf(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
