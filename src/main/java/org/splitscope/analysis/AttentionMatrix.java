package org.splitscope.analysis;

import org.splitscope.capture.BlockCapture;
import org.splitscope.model.AttentionWords;

/**
 * The attention a_r(c) of one block for one image, as the heatmap shows it: per cardinal group k,
 * R rows (splits) × C/K columns (channels).
 *
 * @param weights [R, K, C/K] row-major, as captured
 */
public record AttentionMatrix(String block, int radix, int cardinality, int channels, float[] weights,
        AttentionWords words) {

    /** A split-attention block's matrix (words from R). */
    public AttentionMatrix(String block, int radix, int cardinality, int channels, float[] weights) {
        this(block, radix, cardinality, channels, weights, AttentionWords.splat(radix));
    }

    public static AttentionMatrix of(BlockCapture b, int image) {
        int n = b.radix() * b.channels();
        float[] weights = new float[n];
        System.arraycopy(b.attention(), image * n, weights, 0, n);
        return new AttentionMatrix(b.name(), b.radix(), b.cardinality(), b.channels(), weights, b.words());
    }

    public int groupChannels() {
        return channels / cardinality;
    }

    public float weight(int group, int split, int channel) {
        return weights[(split * cardinality + group) * groupChannels() + channel];
    }
}
