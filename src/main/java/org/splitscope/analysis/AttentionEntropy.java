package org.splitscope.analysis;

import org.splitscope.capture.BlockCapture;

/**
 * How decided a block's attention is: the entropy over splits of a_r(k, c), averaged over all C
 * channels, divided by its maximum ln R so blocks of any radix compare on [0, 1] (1 = every split
 * weighted equally, 0 = one split takes all). At radix 1 the weight is a sigmoid gate g, and the
 * binary entropy of (g, 1-g) in bits plays the same part (1 = gate half open).
 */
public final class AttentionEntropy {
    private AttentionEntropy() {}

    public static double normalized(BlockCapture block, int image) {
        double total = 0;
        for (double h : perChannel(block, image)) {
            total += h;
        }
        return total / block.channels();
    }

    /** The normalised entropy of each channel, group-major (k · C/K + c): what {@link #normalized} averages. */
    public static double[] perChannel(BlockCapture block, int image) {
        int k = block.cardinality();
        int per = block.groupChannels();
        int radix = block.radix();
        double[] out = new double[k * per];
        for (int group = 0; group < k; group++) {
            for (int c = 0; c < per; c++) {
                if (radix == 1) {
                    out[group * per + c] = binary(block.attention(image, 0, group, c));
                } else {
                    double h = 0;
                    for (int r = 0; r < radix; r++) {
                        double p = block.attention(image, r, group, c);
                        if (p > 0) {
                            h -= p * Math.log(p);
                        }
                    }
                    out[group * per + c] = h / Math.log(radix);
                }
            }
        }
        return out;
    }

    private static double binary(double g) {
        double h = 0;
        for (double p : new double[] {g, 1 - g}) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }
}
