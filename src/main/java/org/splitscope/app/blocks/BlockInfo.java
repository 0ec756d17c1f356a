package org.splitscope.app.blocks;

/**
 * One split-attention block in the navigator.
 *
 * @param entropy normalised mean attention entropy on the current image (NaN before a capture)
 */
public record BlockInfo(String name, int stage, int radix, int cardinality, int channels, double entropy) {}
