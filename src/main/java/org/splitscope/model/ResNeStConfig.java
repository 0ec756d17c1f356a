package org.splitscope.model;

import java.util.List;
import java.util.Locale;

/**
 * One network of the ResNet family as data (timm style): fed to {@link ResNeSt}'s constructor,
 * inferred from a checkpoint's shapes, stored in model cards. ResNeSt's fields follow the official
 * code; the fields after {@code stemPool} describe timm's ResNet family with an attention slot (SE,
 * ECA, SK) and are absent (null/false/0 = ResNeSt) in files written before them.
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
 * @param block bottleneck (expansion 4) or basic block (two 3×3 convs); null = bottleneck
 * @param attention the mechanism of every block when radix ≥ 1 (SE/ECA: radix 1; SK: radix = paths);
 *     null = split attention
 * @param tieredStem deep stem of widths 3·(stemWidth/4), stemWidth, 2·stemWidth (timm's "t" models)
 * @param legacy the SENet release's key layout: {@code layer0.conv1/bn1} stem (SENet-154: {@code layer0.conv1/bn1,
 *     conv2/bn2, conv3/bn3}, the deep stem) with a ceil-mode max-pool, {@code se_module}, {@code last_linear};
 *     SE-ResNet bottlenecks stride in conv1
 * @param splitInput SK: the input channels are split across the paths (skresnet18/34)
 * @param attentionNorm SE: a batch norm {@code se.bn} between fc1 and the ReLU
 * @param reduction SE/SK: reduced width = C / reduction, rounded (0 = 16)
 * @param attentionDivisor SE/SK: the reduced width is a multiple of this (timm's make_divisible; 0 = 8)
 * @param widths per block in forward order [conv1 out, 3×3 conv out, block out] where they differ from
 *     the formula (pruned models); null = the formula
 * @param reduceFirst conv1 outputs the 3×3 conv's width divided by this (timm's reduce_first; SENet-154: 2,
 *     conv1 128 → conv2 256 in the first stage; 0 = 1)
 * @param shortcutKernel kernel of the strided shortcut conv, padded to keep the size (SENet-154: 3×3 in
 *     stages 2–4; stride-1 shortcuts stay 1×1, as in timm; 0 = 1)
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
        boolean stemPool,
        BlockType block,
        Mechanism attention,
        boolean tieredStem,
        boolean legacy,
        boolean splitInput,
        boolean attentionNorm,
        int reduction,
        int attentionDivisor,
        List<List<Integer>> widths,
        int reduceFirst,
        int shortcutKernel) {

    public static final int EXPANSION = 4;

    public ResNeStConfig {
        block = block == null ? BlockType.BOTTLENECK : block;
        attention = attention == null || attention == Mechanism.NONE ? Mechanism.SPLAT : attention;
        reduction = reduction == 0 ? 16 : reduction;
        attentionDivisor = attentionDivisor == 0 ? 8 : attentionDivisor;
        reduceFirst = reduceFirst == 0 ? 1 : reduceFirst;
        shortcutKernel = shortcutKernel == 0 ? 1 : shortcutKernel;
        widths = widths == null ? null : widths.stream().map(List::copyOf).toList();
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
        require(reduction >= 1 && reduction <= 1024 && attentionDivisor >= 1 && attentionDivisor <= 1024,
                "reduction and attentionDivisor must be 1 to 1024");
        if (radix >= 1) {
            require(attention != Mechanism.SE && attention != Mechanism.ECA || radix == 1,
                    attention.key() + " is a sigmoid gate: radix must be 1, got " + radix);
            require(attention != Mechanism.SK || radix >= 2, "SK needs at least 2 paths (radix), got " + radix);
        }
        require(block == BlockType.BOTTLENECK || (cardinality == 1 && bottleneckWidth == 64),
                "a basic block has cardinality 1 and width 64");
        require(block == BlockType.BOTTLENECK || radix == 0 || attention != Mechanism.SPLAT,
                "split attention needs a bottleneck block");
        require(!legacy || (attention == Mechanism.SE && radix == 1 && !tieredStem),
                "the legacy SENet layout is an SE network with a 7×7 or a three-conv stem");
        require(reduceFirst >= 1 && reduceFirst <= 64, "reduceFirst must be 1 to 64, got " + reduceFirst);
        require(shortcutKernel >= 1 && shortcutKernel <= 7 && shortcutKernel % 2 == 1,
                "shortcutKernel must be 1, 3, 5 or 7, got " + shortcutKernel);
        require(shortcutKernel == 1 || !avgDown, "an avg-down shortcut has a 1×1 conv: shortcutKernel must be 1");
        require(!tieredStem || deepStem, "a tiered stem is a deep stem");
        int blocks = layers.stream().mapToInt(Integer::intValue).sum();
        require(widths == null || (widths.size() == blocks
                        && widths.stream().allMatch(w -> w.size() == 3 && w.stream().allMatch(v -> v >= 1 && v <= 65536))),
                "widths: one [conv1, conv2, out] triple of positive widths per block (" + blocks + ")");
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

    /** Channels C of the 3×3 (split-attention) conv: K groups of C/K (a basic block: its planes). */
    public int groupWidth(int stage) {
        if (block == BlockType.BASIC) {
            return planes(stage);
        }
        return (int) (planes(stage) * (bottleneckWidth / 64.0)) * cardinality;
    }

    /** Output channels per plane: 4 for bottlenecks, 1 for basic blocks. */
    public int expansion() {
        return block.expansion();
    }

    /** The mechanism every block has: {@link Mechanism#NONE} at radix 0. */
    public Mechanism mechanism() {
        return radix == 0 ? Mechanism.NONE : attention;
    }

    /** Widths of block {@code index} (forward order) in {@code stage}: conv1's output, the 3×3 conv's, the block's. */
    public BlockWidths blockWidths(int index, int stage) {
        if (widths != null) {
            List<Integer> w = widths.get(index);
            return new BlockWidths(w.get(0), w.get(1), w.get(2));
        }
        int out = planes(stage) * expansion();
        return new BlockWidths(Math.max(1, groupWidth(stage) / reduceFirst), groupWidth(stage), out);
    }

    /** @param first conv1's output @param width the 3×3 (or attention) conv's @param out the block's output */
    public record BlockWidths(int first, int width, int out) {}

    /** Deep stem: the widths of its first two convs (tiered: 3·(w/4), w). */
    public int[] stemWidths() {
        return tieredStem ? new int[] {3 * (stemWidth / 4), stemWidth} : new int[] {stemWidth, stemWidth};
    }

    /**
     * SE's and SK's reduced width for C channels: timm's make_divisible(C/reduction, divisor) — rounded
     * to the nearest multiple, at least one divisor, for SK (round_limit 0.9) never 10 % below C/reduction;
     * the legacy SENet release floors C/reduction.
     */
    public int attentionChannels(int channels) {
        if (legacy) {
            return channels / reduction;
        }
        double v = channels / (double) reduction;
        int rounded = Math.max(attentionDivisor, (int) (v + attentionDivisor / 2.0) / attentionDivisor * attentionDivisor);
        if (attention == Mechanism.SK && rounded < 0.9 * v) {
            rounded += attentionDivisor;
        }
        return rounded;
    }

    /** ECA's kernel for C channels (nominal, before pruning): the odd integer near (log2 C + 1)/2, at least 3. */
    public static int ecaKernel(int channels) {
        int t = (int) (Math.abs(Math.log(channels) / Math.log(2) + 1) / 2);
        return Math.max(t % 2 == 1 ? t : t + 1, 3);
    }

    public int stageStride(int stage) {
        return stage == 0 ? 1 : 2;
    }

    public int featureChannels() {
        if (widths != null) {
            return widths.get(widths.size() - 1).get(2);
        }
        return planes(stages() - 1) * expansion();
    }

    /** The family's name as papers write it: "ResNeSt", "SE-ResNeXt", "SK-ResNet", "SENet release SE-ResNet"… */
    public String family() {
        String base = cardinality > 1 ? "ResNeXt" : "ResNet";
        String name = switch (mechanism()) {
            case SPLAT -> "ResNeSt";
            case NONE -> "ResNeSt (radix 0)";
            default -> mechanism().name() + "-" + base;
        };
        return legacy ? name + " (SENet release)" : name;
    }

    /** The paper's ablation notation, e.g. "2s1x64d"; for the other mechanisms "SE 32x4d", "SK2 1x64d". */
    public String notation() {
        return switch (mechanism()) {
            case SPLAT, NONE -> String.format(Locale.ROOT, "%ds%dx%dd", radix, cardinality, bottleneckWidth);
            case SK -> String.format(Locale.ROOT, "SK%d %dx%dd", radix, cardinality, bottleneckWidth);
            default -> String.format(Locale.ROOT, "%s %dx%dd", mechanism().name(), cardinality, bottleneckWidth);
        };
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
                .stemStride(stemStride).stemPool(stemPool).block(block).attention(attention)
                .tieredStem(tieredStem).legacy(legacy).splitInput(splitInput).attentionNorm(attentionNorm)
                .reduction(reduction).attentionDivisor(attentionDivisor).widths(widths)
                .reduceFirst(reduceFirst).shortcutKernel(shortcutKernel);
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
        private BlockType block = BlockType.BOTTLENECK;
        private Mechanism attention = Mechanism.SPLAT;
        private boolean tieredStem;
        private boolean legacy;
        private boolean splitInput;
        private boolean attentionNorm;
        private int reduction = 16;
        private int attentionDivisor = 8;
        private List<List<Integer>> widths;
        private int reduceFirst = 1;
        private int shortcutKernel = 1;

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

        public Builder block(BlockType v) { this.block = v; return this; }

        public Builder attention(Mechanism v) { this.attention = v; return this; }

        public Builder tieredStem(boolean v) { this.tieredStem = v; return this; }

        public Builder legacy(boolean v) { this.legacy = v; return this; }

        public Builder splitInput(boolean v) { this.splitInput = v; return this; }

        public Builder attentionNorm(boolean v) { this.attentionNorm = v; return this; }

        public Builder reduction(int v) { this.reduction = v; return this; }

        public Builder attentionDivisor(int v) { this.attentionDivisor = v; return this; }

        public Builder widths(List<List<Integer>> v) { this.widths = v; return this; }

        public Builder reduceFirst(int v) { this.reduceFirst = v; return this; }

        public Builder shortcutKernel(int v) { this.shortcutKernel = v; return this; }

        public ResNeStConfig build() {
            return new ResNeStConfig(layers, radix, cardinality, bottleneckWidth, basePlanes, stemWidth,
                    deepStem, avgDown, avd, avdFirst, numClasses, inChannels, stemStride, stemPool, block, attention,
                    tieredStem, legacy, splitInput, attentionNorm, reduction, attentionDivisor, widths, reduceFirst,
                    shortcutKernel);
        }
    }
}
