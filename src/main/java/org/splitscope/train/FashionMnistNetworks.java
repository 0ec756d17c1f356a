package org.splitscope.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.splitscope.model.Mechanism;
import org.splitscope.model.ResNeStConfig;

/**
 * The networks SplitScope ships, trained on Fashion-MNIST: the paper's radix/cardinality ablation
 * (0s1x64d … 2s2x40d) at 28×28 scale: a deep stem with stride 2 and no max-pool, three stages at
 * 14, 7 and 4 px, a quarter of ResNeSt-50's widths, the avd pool first as in the paper's ablation
 * ("fast") models. Same code and parameter names as the ImageNet models. A stride-1 stem would cost
 * 4× the compute (28 min instead of 9 per model on 2 cores) for what the demo needs.
 *
 * <p>Beside them, the channel-attention family at the same cost (same stages and widths; parameters
 * and MACs within 10 % of the default, checked by a test): SE and ECA gates after the block's last
 * BN, and SK with two paths (3×3, 3×3 dilation 2) replacing the 3×3 conv. SK splits its input
 * across the paths (timm's split_input), so each path costs half a plain 3×3 conv, as a radix-2
 * split does in split attention.
 */
public final class FashionMnistNetworks {
    private static final Map<String, ResNeStConfig> ALL = new LinkedHashMap<>();

    static {
        add(0, 1, 64); // ResNeXt-D baseline: no split attention
        add(1, 1, 64); // one split: a sigmoid gate, SE-like
        add(2, 1, 64); // the default model
        add(4, 1, 64);
        add(2, 2, 40);
        addFamily("fmnist-se1x64d", Mechanism.SE, 1);
        addFamily("fmnist-eca1x64d", Mechanism.ECA, 1);
        addFamily("fmnist-sk2s1x64d", Mechanism.SK, 2);
    }

    public static final String DEFAULT = "fmnist-2s1x64d";

    private FashionMnistNetworks() {}

    private static void add(int radix, int cardinality, int width) {
        ResNeStConfig config = base(radix, cardinality, width).build();
        ALL.put("fmnist-" + config.notation(), config);
    }

    private static void addFamily(String name, Mechanism mechanism, int radix) {
        ALL.put(name, base(radix, 1, 64).attention(mechanism).splitInput(mechanism == Mechanism.SK).build());
    }

    private static ResNeStConfig.Builder base(int radix, int cardinality, int width) {
        return ResNeStConfig.builder().layers(2, 2, 2).radix(radix).cardinality(cardinality)
                .bottleneckWidth(width).basePlanes(16).stemWidth(16).stemStride(2).stemPool(false).avdFirst(true)
                .inChannels(1).numClasses(FashionMnist.LABELS.size());
    }

    public static Optional<ResNeStConfig> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Map<String, ResNeStConfig> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }
}
