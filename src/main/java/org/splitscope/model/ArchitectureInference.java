package org.splitscope.model;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ResNeStConfig} off a state dict's tensor shapes: ResNeSt, and timm's ResNets with an
 * SE, ECA or SK slot (bottleneck or basic blocks, 7×7, deep or tiered stems), and the SENet release's
 * legacy keys (SENet-154's three-conv {@code layer0}, reduce-first widths and 3×3 shortcut convs included). Not visible in the weights: the avd placement and the small-input stem options (avd is
 * assumed on for split attention, as every public ResNeSt has it, and off for the others); and for SK
 * bottlenecks whose path convs see half the input, whether that is split input or cardinality 2 —
 * read as split input, as in every published SK model.
 */
public final class ArchitectureInference {
    private static final int[] REDUCTIONS = {16, 8, 4, 32, 2, 1};
    private static final int[] DIVISORS = {8, 16, 32, 1, 4, 2};

    private ArchitectureInference() {}

    /**
     * @throws IllegalArgumentException naming the missing or inconsistent tensor when the shapes are
     *     not those of a network of this family
     */
    public static ResNeStConfig infer(Map<String, Shape> shapes) {
        ResNeStConfig.Builder config = ResNeStConfig.builder();
        boolean legacy = shapes.containsKey("layer0.conv1.weight");
        int stemChannels = stem(shapes, config, legacy);

        List<Integer> layers = new ArrayList<>();
        while (hasBlock(shapes, "layer" + (layers.size() + 1) + ".0.")) {
            String stage = "layer" + (layers.size() + 1);
            int blocks = 0;
            while (hasBlock(shapes, stage + "." + blocks + ".")) {
                blocks++;
            }
            layers.add(blocks);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no layer1.0.conv1.weight: not a ResNeSt/ResNet state dict");
        }
        config.layers(layers.stream().mapToInt(Integer::intValue).toArray());
        config.numClasses((int) require(shapes, legacy ? "last_linear.weight" : "fc.weight").get(0));
        config.avgDown(avgDown(shapes, layers.size())).shortcutKernel(shortcutKernel(shapes, layers.size()));

        String first = "layer1.0.";
        ResNeStConfig inferred;
        if (shapes.containsKey(first + "conv2.conv.weight") && shapes.containsKey(first + "conv2.fc1.weight")) {
            inferred = splitAttention(shapes, config, layers);
        } else {
            inferred = FamilyInference.infer(shapes, config.legacy(legacy), layers, stemChannels);
        }
        if (inferred.stemChannels() != stemChannels) {
            throw new IllegalArgumentException("stem outputs " + stemChannels
                    + " channels; a ResNeSt stem outputs twice its width (" + inferred.stemChannels() + ")");
        }
        return inferred;
    }

    /** Stem widths into the builder; returns the channels the stem outputs. */
    private static int stem(Map<String, Shape> shapes, ResNeStConfig.Builder config, boolean legacy) {
        if (legacy && shapes.containsKey("layer0.conv2.weight")) {
            // SENet-154: three 3×3 convs of widths w, w, 2w, each with its BN
            Shape first = require(shapes, "layer0.conv1.weight");
            int second = (int) require(shapes, "layer0.conv2.weight").get(0);
            int third = (int) require(shapes, "layer0.conv3.weight").get(0);
            if (first.get(0) != second || third != 2 * second) {
                throw new IllegalArgumentException("layer0 stem of widths " + first.get(0) + ", " + second + ", " + third
                        + ": SENet-154's three-conv stem has widths w, w, 2w");
            }
            require(shapes, "layer0.bn3.weight");
            config.deepStem(true).stemWidth(second).inChannels((int) first.get(1));
            return third;
        }
        if (legacy) {
            Shape conv = require(shapes, "layer0.conv1.weight");
            require(shapes, "layer0.bn1.weight");
            config.deepStem(false).stemWidth((int) conv.get(0) / 2).inChannels((int) conv.get(1));
            return (int) conv.get(0);
        }
        if (shapes.containsKey("conv1.0.weight")) {
            Shape first = shapes.get("conv1.0.weight");
            int second = (int) require(shapes, "conv1.3.weight").get(0);
            boolean tiered = first.get(0) != second;
            if (tiered && first.get(0) != 3 * (second / 4)) {
                throw new IllegalArgumentException("deep stem of widths " + first.get(0) + ", " + second
                        + ": neither equal nor tiered (3·(w/4), w)");
            }
            config.deepStem(true).tieredStem(tiered).stemWidth(second).inChannels((int) first.get(1));
            require(shapes, "bn1.weight");
            return (int) require(shapes, "conv1.6.weight").get(0);
        }
        Shape conv = require(shapes, "conv1.weight");
        require(shapes, "bn1.weight");
        config.deepStem(false).stemWidth((int) conv.get(0) / 2).inChannels((int) conv.get(1));
        return (int) conv.get(0);
    }

    static boolean hasBlock(Map<String, Shape> shapes, String prefix) {
        return shapes.containsKey(prefix + "conv1.weight") || shapes.containsKey(prefix + "conv1.conv.weight")
                || shapes.containsKey(prefix + "conv1.paths.0.conv.weight");
    }

    /** avg-down puts the 1×1 conv in slot 1 (slot 0 is the pool); the first projection decides. */
    private static boolean avgDown(Map<String, Shape> shapes, int stages) {
        for (int stage = 1; stage <= stages; stage++) {
            String prefix = "layer" + stage + ".0.downsample.";
            if (shapes.containsKey(prefix + "1.weight") && shapes.get(prefix + "1.weight").dimension() == 4) {
                return true;
            }
            if (shapes.containsKey(prefix + "0.weight")) {
                return false;
            }
        }
        return true;
    }

    /** The kernel of the first strided shortcut conv without avg-down (SENet-154: 3); 1 where there is none. */
    private static int shortcutKernel(Map<String, Shape> shapes, int stages) {
        for (int stage = 2; stage <= stages; stage++) {
            Shape conv = shapes.get("layer" + stage + ".0.downsample.0.weight");
            if (conv != null && conv.dimension() == 4) {
                return (int) conv.get(3);
            }
        }
        return 1;
    }

    private static ResNeStConfig splitAttention(Map<String, Shape> shapes, ResNeStConfig.Builder config,
            List<Integer> layers) {
        int width = (int) require(shapes, "layer1.0.conv1.weight").get(0);
        int basePlanes = (int) require(shapes, "layer1.0.conv3.weight").get(0) / ResNeStConfig.EXPANSION;
        int radix = (int) shapes.get("layer1.0.conv2.conv.weight").get(0) / width;
        int cardinality = width / (int) require(shapes, "layer1.0.conv2.fc1.weight").get(1);
        // The group width is int(planes·width/64)·K; the widest stage rounds least, so read it there.
        String last = "layer" + layers.size() + ".0.";
        int lastWidth = (int) require(shapes, last + "conv1.weight").get(0);
        int lastPlanes = (int) require(shapes, last + "conv3.weight").get(0) / ResNeStConfig.EXPANSION;
        return config.radix(radix).cardinality(cardinality).basePlanes(basePlanes)
                .bottleneckWidth(lastWidth / cardinality * 64 / lastPlanes).build();
    }

    /** timm's reduction rule (ratio, divisor) that gives every block's reduced width, or an error. */
    static void reduction(ResNeStConfig.Builder config, List<int[]> channelsAndReduced, String what) {
        for (int r : REDUCTIONS) {
            for (int d : DIVISORS) {
                ResNeStConfig candidate = config.reduction(r).attentionDivisor(d).build();
                if (channelsAndReduced.stream().allMatch(c -> candidate.attentionChannels(c[0]) == c[1])) {
                    return;
                }
            }
        }
        int[] example = channelsAndReduced.get(0);
        throw new IllegalArgumentException(what + " reduces " + example[0] + " channels to " + example[1]
                + ", which no reduction ratio and divisor of timm's rule gives for every block");
    }

    static Shape require(Map<String, Shape> shapes, String key) {
        Shape shape = shapes.get(key);
        if (shape == null) {
            throw new IllegalArgumentException("no tensor '" + key + "': not a ResNeSt state dict");
        }
        return shape;
    }
}
