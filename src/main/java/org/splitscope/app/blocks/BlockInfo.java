package org.splitscope.app.blocks;

import org.splitscope.model.AttentionWords;

/**
 * One attention block in the navigator.
 *
 * @param entropy normalised mean attention entropy on the current image (NaN before a capture)
 */
public record BlockInfo(String name, int stage, int radix, int cardinality, int channels, double entropy,
        AttentionWords words) {

    /** A split-attention block (words from R). */
    public BlockInfo(String name, int stage, int radix, int cardinality, int channels, double entropy) {
        this(name, stage, radix, cardinality, channels, entropy, AttentionWords.splat(radix));
    }
}
