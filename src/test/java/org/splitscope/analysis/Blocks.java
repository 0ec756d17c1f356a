package org.splitscope.analysis;

import org.splitscope.capture.BlockCapture;

/** Hand-made captures with known numbers. */
final class Blocks {
    private Blocks() {}

    /**
     * Two images, R = 2 splits, K = 2 groups of 2 channels, 1×2 maps. Image 1: split 0 gets weight 0.8
     * on every channel. U_r(c) = (r + 1) · (c + 1) at both pixels (second pixel doubled); V as the network.
     */
    static BlockCapture r2k2() {
        int n = 2;
        int radix = 2;
        int k = 2;
        int c = 4;
        int per = 2;
        int plane = 2;
        float[] attention = new float[n * radix * k * per];
        float[][] a0 = {{0.9f, 0.6f}, {0.5f, 0.2f}}; // image 0, split 0: [group][channel]
        for (int g = 0; g < k; g++) {
            for (int ch = 0; ch < per; ch++) {
                attention[((0 * radix) * k + g) * per + ch] = a0[g][ch];
                attention[((0 * radix + 1) * k + g) * per + ch] = 1 - a0[g][ch];
                attention[((radix) * k + g) * per + ch] = 0.8f;
                attention[((radix + 1) * k + g) * per + ch] = 0.2f;
            }
        }
        float[] gap = new float[n * k * per];
        for (int i = 0; i < gap.length; i++) {
            gap[i] = i;
        }
        float[] splits = new float[n * radix * c * plane];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < radix; r++) {
                for (int ch = 0; ch < c; ch++) {
                    int base = ((i * radix + r) * c + ch) * plane;
                    splits[base] = (r + 1) * (ch + 1);
                    splits[base + 1] = 2 * (r + 1) * (ch + 1);
                }
            }
        }
        BlockCapture noFused = new BlockCapture("layer1.0", radix, k, c, attention, gap, splits, null, 1, 2);
        float[] fused = new float[n * c * plane];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < plane; p++) {
                    float v = 0;
                    for (int r = 0; r < radix; r++) {
                        v += noFused.attention(i, r, ch / per, ch % per) * splits[((i * radix + r) * c + ch) * plane + p];
                    }
                    fused[(i * c + ch) * plane + p] = v;
                }
            }
        }
        return new BlockCapture("layer1.0", radix, k, c, attention, gap, splits, fused, 1, 2);
    }
}
