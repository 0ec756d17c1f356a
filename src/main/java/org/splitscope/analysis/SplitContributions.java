package org.splitscope.analysis;

import org.splitscope.capture.BlockCapture;

/**
 * What each split adds to a block's output, as a map: for split r, Σ_c a_r(c)·U_r(c, h, w), the sum
 * over channels of the split's feature maps weighted by its attention. Summed over r this is
 * Σ_c V(c, h, w), so the maps of all splits share one scale.
 */
public final class SplitContributions {
    /** Sum over the channels of all cardinal groups. */
    public static final int ALL_GROUPS = -1;

    private SplitContributions() {}

    /**
     * @param group a cardinal group k (its C/K channels), or {@link #ALL_GROUPS}
     * @return [H, W] row-major
     */
    public static float[] map(BlockCapture block, int image, int split, int group) {
        requireSplits(block);
        int c = block.channels();
        int per = block.groupChannels();
        int plane = block.height() * block.width();
        int from = group == ALL_GROUPS ? 0 : group * per;
        int to = group == ALL_GROUPS ? c : from + per;
        float[] out = new float[plane];
        float[] u = block.splits();
        for (int ch = from; ch < to; ch++) {
            float a = block.attention(image, split, ch / per, ch % per);
            int base = ((image * block.radix() + split) * c + ch) * plane;
            for (int i = 0; i < plane; i++) {
                out[i] += a * u[base + i];
            }
        }
        return out;
    }

    /** One map per split, r = 0 … R-1. */
    public static float[][] all(BlockCapture block, int image, int group) {
        float[][] maps = new float[block.radix()][];
        for (int r = 0; r < block.radix(); r++) {
            maps[r] = map(block, image, r, group);
        }
        return maps;
    }

    public static void requireSplits(BlockCapture block) {
        if (!block.hasSplits()) {
            throw new IllegalArgumentException(block.name() + " was captured without its split maps");
        }
    }
}
