package org.splitscope.model;

import java.util.List;
import java.util.Locale;

/**
 * One ResNeSt variant as data (timm style): fed to {@link ResNeSt}'s constructor, inferred from a
 * checkpoint's shapes, stored in model cards. Field names follow the official code.
 *
 * @param layers bottleneck blocks per stage (1–4 stages)
 * @param radix R: 0 = plain ResNeXt-D bottleneck, 1 = sigmoid gate, ≥ 2 = softmax over R splits
 * @param cardinality K, the number of cardinal groups
 * @param bottleneckWidth width of one cardinal group at the first stage's 64 planes
 * @param basePlanes planes of the first stage (64 officially; smaller is the width multiplier of demo nets)
 * @param stemWidth deep stem: width of its first two convs; the stem outputs 2·stemWidth channels
 * @param avd average-pool downsampling inside the block (instead of a strided 3×3 conv)
 * @param avdFirst the avd pool goes before the split-attention conv (the "fast" variants)
 * @param stemStride 2 officially; 1 for small inputs such as 28×28
 * @param stemPool the 3×3/2 max-pool after the stem
 */
public record ResNeStConfig(
        List<Integer> layers,
        int radix,
        int cardinality,
        int bottleneckWidth,
        int basePlanes,
        int stemWidth,
        boolean deepStem,
        boolean avgDown,
        boolean avd,
        boolean avdFirst,
        int numClasses,
        int inChannels,
        int stemStride,
        boolean stemPool) {

    public static final int EXPANSION = 4;

    public ResNeStConfig {
        layers = List.copyOf(layers);
        require(!layers.isEmpty() && layers.size() <= 4, "1 to 4 stages, got " + layers.size());
        // Upper bounds far above any published variant: configs also come from files.
        require(layers.stream().allMatch(n -> n >= 1 && n <= 100), "1 to 100 blocks per stage: " + layers);
        require(radix >= 0 && radix <= 32, "radix must be 0 to 32, got " + radix);
        require(cardinality >= 1 && cardinality <= 256, "cardinality must be 1 to 256, got " + cardinality);
        require(bottleneckWidth >= 1 && basePlanes >= 1 && stemWidth >= 1, "widths must be positive");
        require(bottleneckWidth <= 1024 && basePlanes <= 1024 && stemWidth <= 1024, "widths must be at most 1024");
        require(numClasses >= 1 && numClasses <= 100_000, "numClasses must be 1 to 100000, got " + numClasses);
        require(inChannels == 1 || inChannels == 3, "inChannels must be 1 or 3, got " + inChannels);
        require(stemStride == 1 || stemStride == 2, "stemStride must be 1 or 2, got " + stemStride);
        // (fields are not assigned yet in a compact constructor: compute from the parameters)
        require((int) (basePlanes * (bottleneckWidth / 64.0)) >= 1,
                "basePlanes " + basePlanes + " × bottleneckWidth " + bottleneckWidth + "/64 leaves no channel per group");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public int stages() {
        return layers.size();
    }

    public int stemChannels() {
        return 2 * stemWidth;
    }

    public int planes(int stage) {
        return basePlanes << stage;
    }

    /** Channels C of the 3×3 (split-attention) conv: K groups of C/K. */
    public int groupWidth(int stage) {
        return (int) (planes(stage) * (bottleneckWidth / 64.0)) * cardinality;
    }

    public int stageStride(int stage) {
        return stage == 0 ? 1 : 2;
    }

    public int featureChannels() {
        return planes(stages() - 1) * EXPANSION;
    }

    /** The paper's ablation notation, e.g. "2s1x64d". */
    public String notation() {
        return String.format(Locale.ROOT, "%ds%dx%dd", radix, cardinality, bottleneckWidth);
    }

    public ResNeStConfig withAvdFirst(boolean value) {
        return toBuilder().avdFirst(value).build();
    }

    public ResNeStConfig withNumClasses(int value) {
        return toBuilder().numClasses(value).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().layers(layers.stream().mapToInt(Integer::intValue).toArray())
                .radix(radix).cardinality(cardinality).bottleneckWidth(bottleneckWidth)
                .basePlanes(basePlanes).stemWidth(stemWidth).deepStem(deepStem).avgDown(avgDown)
                .avd(avd).avdFirst(avdFirst).numClasses(numClasses).inChannels(inChannels)
                .stemStride(stemStride).stemPool(stemPool);
    }

    /** Defaults are the official ResNeSt-50 (2s1x64d, deep stem 32, avg-down, avd). */
    public static final class Builder {
        private List<Integer> layers = List.of(3, 4, 6, 3);
        private int radix = 2;
        private int cardinality = 1;
        private int bottleneckWidth = 64;
        private int basePlanes = 64;
        private int stemWidth = 32;
        private boolean deepStem = true;
        private boolean avgDown = true;
        private boolean avd = true;
        private boolean avdFirst;
        private int numClasses = 1000;
        private int inChannels = 3;
        private int stemStride = 2;
        private boolean stemPool = true;

        public Builder layers(int... blocks) {
            this.layers = java.util.Arrays.stream(blocks).boxed().toList();
            return this;
        }

        public Builder radix(int v) { this.radix = v; return this; }

        public Builder cardinality(int v) { this.cardinality = v; return this; }

        public Builder bottleneckWidth(int v) { this.bottleneckWidth = v; return this; }

        public Builder basePlanes(int v) { this.basePlanes = v; return this; }

        public Builder stemWidth(int v) { this.stemWidth = v; return this; }

        public Builder deepStem(boolean v) { this.deepStem = v; return this; }

        public Builder avgDown(boolean v) { this.avgDown = v; return this; }

        public Builder avd(boolean v) { this.avd = v; return this; }

        public Builder avdFirst(boolean v) { this.avdFirst = v; return this; }

        public Builder numClasses(int v) { this.numClasses = v; return this; }

        public Builder inChannels(int v) { this.inChannels = v; return this; }

        public Builder stemStride(int v) { this.stemStride = v; return this; }

        public Builder stemPool(boolean v) { this.stemPool = v; return this; }

        public ResNeStConfig build() {
            return new ResNeStConfig(layers, radix, cardinality, bottleneckWidth, basePlanes, stemWidth,
                    deepStem, avgDown, avd, avdFirst, numClasses, inChannels, stemStride, stemPool);
        }
    }
}
