package org.splitscope.model;

/** The residual block's layout: 1×1 → 3×3 → 1×1 with expansion 4, or two 3×3 convs (ResNet-18/34). */
public enum BlockType {
    BOTTLENECK(4),
    BASIC(1);

    private final int expansion;

    BlockType(int expansion) {
        this.expansion = expansion;
    }

    /** Output channels per plane. */
    public int expansion() {
        return expansion;
    }
}
