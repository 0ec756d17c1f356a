package org.splitscope.capture;

import org.splitscope.model.AttentionWords;

/**
 * What one split-attention block recorded for a batch, on the host, row-major.
 *
 * @param attention [N, R, K, C/K]
 * @param gap [N, K, C/K]
 * @param splits U_r, [N, R, C, H, W]; null unless requested for this block
 * @param fused V, [N, C, H, W]; null unless requested for this block
 * @param height H of the split maps (0 when not requested)
 * @param words how views name this block's attention (its mechanism: splits, a gate, paths)
 */
public record BlockCapture(
        String name,
        int radix,
        int cardinality,
        int channels,
        float[] attention,
        float[] gap,
        float[] splits,
        float[] fused,
        int height,
        int width,
        AttentionWords words) {

    /** A split-attention block (ResNeSt): the words follow from R. */
    public BlockCapture(String name, int radix, int cardinality, int channels, float[] attention, float[] gap,
            float[] splits, float[] fused, int height, int width) {
        this(name, radix, cardinality, channels, attention, gap, splits, fused, height, width,
                AttentionWords.splat(radix));
    }

    public int groupChannels() {
        return channels / cardinality;
    }

    public long[] attentionShape(int batch) {
        return new long[] {batch, radix, cardinality, groupChannels()};
    }

    public long[] gapShape(int batch) {
        return new long[] {batch, cardinality, groupChannels()};
    }

    /** a_r(k, c) for one image: the weight of split r for channel c of cardinal group k. */
    public float attention(int image, int split, int group, int channel) {
        return attention[((image * radix + split) * cardinality + group) * groupChannels() + channel];
    }

    public boolean hasSplits() {
        return splits != null;
    }
}
