package org.splitscope.input;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Turns an image into a network input exactly as timm's eval transform does with PIL and
 * torchvision: {@code Resize(floor(size / cropFraction))} with PIL's antialiased filter,
 * {@code CenterCrop(size)}, {@code ToTensor()}, {@code Normalize(mean, std)}.
 *
 * <p>Before that, transparent pixels are composited over white, and the colours are brought to the
 * model's channel count: gray images are repeated into R, G and B, colour images for one-channel
 * models become PIL's luminance {@code L = 0.299 R + 0.587 G + 0.114 B}.
 *
 * <p>All arithmetic is in float. PIL rounds to 8 bits after each of its two resize passes (and
 * after luminance and alpha conversion); we do not, so values differ from PIL's by at most about
 * 1/255 before normalisation. Like PIL, values are clipped to 0..255 after each pass, so bicubic
 * overshoot at edges is cut the same way.
 */
public final class Preprocessor {
    /** Rows per parallel task; large images are spread over the cores. */
    private static final int ROWS_PER_TASK = 64;
    /** Source rows resampled together in pass 1. */
    private static final int LANES = 16;

    private Preprocessor() {}

    /** The CHW tensor ({@code channels × size × size}, row-major) for one image. */
    public static float[] toTensor(BufferedImage image, Preprocessing p) {
        BufferedImage rgb = RgbImages.toIntRgb(image);
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int size = p.size();
        int[] resized = resizedSize(w, h, p.resizeSize());
        Axis xAxis = Axis.of(resized[0], size);
        Axis yAxis = Axis.of(resized[1], size);
        ResampleKernel kx = ResampleKernel.of(p.interpolation(), w, resized[0], xAxis.first, xAxis.count);
        ResampleKernel ky = ResampleKernel.of(p.interpolation(), h, resized[1], yAxis.first, yAxis.count);

        Pixels pixels = Pixels.of(rgb, p.channels());
        int y0 = ky.firstInput();
        int rows = ky.endInput() - y0;
        float[][] wide = new float[p.channels()][rows * xAxis.count];
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream range = IntStream.range(0, tasks);
        // Threads pay off only for big sources; small ones stay on the caller's thread.
        if ((long) rows * (kx.endInput() - kx.firstInput()) > 1_000_000) {
            range = range.parallel();
        }
        range.forEach(t -> horizontal(pixels, kx, y0, t * ROWS_PER_TASK, Math.min(rows, (t + 1) * ROWS_PER_TASK), wide));

        float[] tensor = new float[p.channels() * size * size];
        float[] mean = p.mean();
        float[] std = p.std();
        for (int c = 0; c < p.channels(); c++) {
            // Outside the image (only when cropFraction > 1) torchvision pads with black.
            Arrays.fill(tensor, c * size * size, (c + 1) * size * size, -mean[c] / std[c]);
            vertical(wide[c], xAxis.count, ky, y0, tensor, c * size * size, yAxis, xAxis, mean[c], std[c], size);
        }
        return tensor;
    }

    /** Resized width and height: the shorter side becomes {@code shortSide}, as torchvision's {@code Resize(int)}. */
    static int[] resizedSize(int w, int h, int shortSide) {
        if (w <= h) {
            return new int[] {shortSide, (int) ((double) ((long) shortSide * h) / w)};
        }
        return new int[] {(int) ((double) ((long) shortSide * w) / h), shortSide};
    }

    /**
     * The part of one resized axis that the center crop keeps. {@code offset} is where the crop
     * starts in resized pixels: torchvision's {@code int(round((len - size) / 2.0))}, with Python's
     * round-half-to-even; negative when the crop is larger than the image and torchvision pads.
     */
    private record Axis(int first, int count, int offset) {
        static Axis of(int length, int size) {
            int offset = length >= size ? (int) Math.rint((length - size) / 2.0) : -((size - length) / 2);
            int first = Math.max(offset, 0);
            int end = Math.min(offset + size, length);
            return new Axis(first, end - first, offset);
        }
    }

    /**
     * Pass 1: resample source rows {@code y0 + from .. y0 + to - 1} across, into {@code wide[c][row][x]}.
     * Rows are taken {@value #LANES} at a time and stored column by column, so that the innermost loop
     * runs over neighbouring rows with one weight: the JIT turns that into SIMD instructions, which a
     * dot product per output pixel does not get.
     */
    private static void horizontal(Pixels pixels, ResampleKernel kx, int y0, int from, int to, float[][] wide) {
        int x0 = kx.firstInput();
        int span = kx.endInput() - x0;
        int outW = kx.start.length;
        int channels = wide.length;
        float[][] block = new float[channels][span * LANES];
        float[] acc = new float[LANES];
        for (int r0 = from; r0 < to; r0 += LANES) {
            int rows = Math.min(LANES, to - r0);
            for (int r = 0; r < rows; r++) {
                pixels.column(y0 + r0 + r, x0, span, block, r);
            }
            for (int c = 0; c < channels; c++) {
                float[] in = block[c];
                float[] out = wide[c];
                for (int j = 0; j < outW; j++) {
                    Arrays.fill(acc, 0f);
                    int s = (kx.start[j] - x0) * LANES;
                    int wi = j * kx.stride;
                    for (int k = 0, n = kx.count[j]; k < n; k++) {
                        float weight = kx.weights[wi + k];
                        int at = s + k * LANES;
                        for (int r = 0; r < LANES; r++) {
                            acc[r] += weight * in[at + r];
                        }
                    }
                    for (int r = 0; r < rows; r++) {
                        out[(r0 + r) * outW + j] = clip(acc[r]);
                    }
                }
            }
        }
    }

    /** Pass 2: resample down the columns, clip, normalise, and write one channel of the tensor. */
    private static void vertical(float[] wide, int outW, ResampleKernel ky, int y0, float[] tensor, int plane,
            Axis yAxis, Axis xAxis, float mean, float std, int size) {
        float scale = 1f / (255f * std);
        float bias = -mean / std;
        float[] acc = new float[outW];
        for (int i = 0; i < ky.start.length; i++) {
            Arrays.fill(acc, 0f);
            int wi = i * ky.stride;
            for (int k = 0, n = ky.count[i]; k < n; k++) {
                float weight = ky.weights[wi + k];
                int row = (ky.start[i] + k - y0) * outW;
                for (int j = 0; j < outW; j++) {
                    acc[j] += weight * wide[row + j];
                }
            }
            int dst = plane + (yAxis.first + i - yAxis.offset) * size + (xAxis.first - xAxis.offset);
            for (int j = 0; j < outW; j++) {
                tensor[dst + j] = clip(acc[j]) * scale + bias;
            }
        }
    }

    private static float clip(float v) {
        return v < 0f ? 0f : Math.min(v, 255f);
    }

    /** Reads rows of an INT_RGB/INT_ARGB image as float channels, compositing alpha and mixing luminance. */
    private record Pixels(int[] data, int offset, int scanline, boolean alpha, int channels) {
        static Pixels of(BufferedImage image, int channels) {
            var raster = image.getRaster();
            var model = (SinglePixelPackedSampleModel) raster.getSampleModel();
            var buffer = (DataBufferInt) raster.getDataBuffer();
            int offset = buffer.getOffset()
                    + model.getOffset(-raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
            return new Pixels(buffer.getData(), offset, model.getScanlineStride(),
                    image.getType() == BufferedImage.TYPE_INT_ARGB, channels);
        }

        /** Row {@code y}, columns {@code x0 ..}, into lane {@code lane} of column-major blocks: {@code out[c][x * LANES + lane]}. */
        void column(int y, int x0, int n, float[][] out, int lane) {
            int at = offset + y * scanline + x0;
            for (int x = 0; x < n; x++) {
                int p = data[at + x];
                float r = (p >> 16) & 0xff;
                float g = (p >> 8) & 0xff;
                float b = p & 0xff;
                if (alpha) {
                    // Over white: c * a + 255 * (1 - a), with a in 0..1.
                    int a = p >>> 24;
                    float opacity = a / 255f;
                    float white = 255 - a;
                    r = r * opacity + white;
                    g = g * opacity + white;
                    b = b * opacity + white;
                }
                int i = x * LANES + lane;
                if (channels == 1) {
                    out[0][i] = r * 0.299f + g * 0.587f + b * 0.114f;
                } else {
                    out[0][i] = r;
                    out[1][i] = g;
                    out[2][i] = b;
                }
            }
        }
    }
}
