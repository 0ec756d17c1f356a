package org.splitscope.input;

/**
 * One axis of PIL's antialiased resize ({@code Image.resize}, libImaging/Resample.c): for every
 * output pixel, the first input pixel it reads and the weights of the input pixels from there on.
 * When shrinking, the filter is stretched by the shrink factor so that every input pixel
 * contributes (that is the antialiasing); PIL computes the same tables in double precision.
 */
final class ResampleKernel {
    /** First input index read by each output pixel. */
    final int[] start;
    /** Number of input pixels read by each output pixel. */
    final int[] count;
    /** Weights, {@code stride} per output pixel, normalised to sum to one. */
    final float[] weights;
    final int stride;

    private ResampleKernel(int[] start, int[] count, float[] weights, int stride) {
        this.start = start;
        this.count = count;
        this.weights = weights;
        this.stride = stride;
    }

    /** Lowest input index any output pixel reads. */
    int firstInput() {
        return start[0];
    }

    /** One past the highest input index any output pixel reads. */
    int endInput() {
        int end = 0;
        for (int i = 0; i < start.length; i++) {
            end = Math.max(end, start[i] + count[i]);
        }
        return end;
    }

    /**
     * Weights for output pixels {@code outFirst .. outFirst + outCount - 1} of a resize from
     * {@code inSize} to {@code outSize} pixels. Only the pixels kept by the center crop are asked for.
     */
    static ResampleKernel of(Preprocessing.Interpolation interpolation, int inSize, int outSize, int outFirst, int outCount) {
        if (inSize == outSize) {
            return identity(outFirst, outCount); // PIL skips an axis that keeps its size
        }
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = support(interpolation) * filterScale;
        int stride = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outCount];
        int[] count = new int[outCount];
        float[] weights = new float[outCount * stride];
        double[] w = new double[stride];
        for (int i = 0; i < outCount; i++) {
            double center = (outFirst + i + 0.5) * scale;
            // Same bounds as PIL, including its truncating (int) casts.
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize);
            int n = max - min;
            double sum = 0;
            for (int k = 0; k < n; k++) {
                w[k] = filter(interpolation, (k + min - center + 0.5) / filterScale);
                sum += w[k];
            }
            for (int k = 0; k < n; k++) {
                weights[i * stride + k] = (float) (sum != 0 ? w[k] / sum : w[k]);
            }
            start[i] = min;
            count[i] = n;
        }
        return new ResampleKernel(start, count, weights, stride);
    }

    private static ResampleKernel identity(int outFirst, int outCount) {
        int[] start = new int[outCount];
        int[] count = new int[outCount];
        float[] weights = new float[outCount];
        for (int i = 0; i < outCount; i++) {
            start[i] = outFirst + i;
            count[i] = 1;
            weights[i] = 1f;
        }
        return new ResampleKernel(start, count, weights, 1);
    }

    private static double support(Preprocessing.Interpolation interpolation) {
        return interpolation == Preprocessing.Interpolation.BICUBIC ? 2.0 : 1.0;
    }

    /** PIL's filters: a triangle, and Keys' cubic with a = -0.5. */
    static double filter(Preprocessing.Interpolation interpolation, double x) {
        x = Math.abs(x);
        if (interpolation == Preprocessing.Interpolation.BILINEAR) {
            return x < 1 ? 1 - x : 0;
        }
        final double a = -0.5;
        if (x < 1) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0;
    }
}
