package org.splitscope.model;

import static org.splitscope.model.ArchitectureInference.require;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link ArchitectureInference} for timm's ResNet family with an SE, ECA or SK slot (or none): block
 * type, mechanism, cardinality and widths from the shapes; per-block widths where they do not follow
 * the formula (pruned models).
 */
final class FamilyInference {
    private FamilyInference() {}

    static ResNeStConfig infer(Map<String, Shape> shapes, ResNeStConfig.Builder config, List<Integer> layers,
            int stemChannels) {
        String b0 = "layer1.0.";
        boolean skBasic = shapes.containsKey(b0 + "conv1.paths.0.conv.weight");
        boolean skBottleneck = shapes.containsKey(b0 + "conv2.paths.0.conv.weight");
        boolean bottleneck = shapes.containsKey(b0 + "conv3.weight") || shapes.containsKey(b0 + "conv3.conv.weight");
        config.block(bottleneck ? BlockType.BOTTLENECK : BlockType.BASIC);
        String gate = shapes.containsKey(b0 + "se_module.fc1.weight") ? "se_module" : "se";
        Mechanism mechanism = skBasic || skBottleneck ? Mechanism.SK
                : shapes.containsKey(b0 + gate + ".fc1.weight") ? Mechanism.SE
                : shapes.containsKey(b0 + gate + ".conv.weight") ? Mechanism.ECA
                : Mechanism.NONE;
        config.attention(mechanism == Mechanism.NONE ? Mechanism.SPLAT : mechanism);
        config.avd(mechanism == Mechanism.NONE); // radix 0 reads as ResNeSt's plain bottleneck, as before
        config.attentionNorm(shapes.containsKey(b0 + gate + ".bn.weight"));

        List<int[]> widths = new ArrayList<>();                       // [first, width, out] per block
        List<int[]> reduced = new ArrayList<>();                      // [C, reduced C] per gate
        int cardinality = 1;
        boolean splitInput = false;
        int paths = 0;
        int in = stemChannels;
        for (int s = 0; s < layers.size(); s++) {
            for (int b = 0; b < layers.get(s); b++) {
                String p = "layer" + (s + 1) + "." + b + ".";
                int[] w;
                if (mechanism == Mechanism.SK) {
                    String sk = p + (bottleneck ? "conv2." : "conv1.");
                    Shape path = require(shapes, sk + "paths.0.conv.weight");
                    paths = countPaths(shapes, sk);
                    int first = bottleneck ? (int) require(shapes, p + "conv1.conv.weight").get(0) : (int) path.get(0);
                    int pathIn = bottleneck ? first : in;
                    int perGroup = (int) path.get(1);
                    splitInput = perGroup * paths == pathIn;
                    cardinality = bottleneck && !splitInput ? pathIn / perGroup : 1;
                    int out = (int) require(shapes, p + (bottleneck ? "conv3.conv.weight" : "conv2.conv.weight")).get(0);
                    w = new int[] {first, (int) path.get(0), out};
                    reduced.add(new int[] {(int) path.get(0), (int) require(shapes, sk + "attn.fc_reduce.weight").get(0)});
                } else {
                    Shape conv2 = require(shapes, p + "conv2.weight");
                    int first = (int) require(shapes, p + "conv1.weight").get(0);
                    int out = bottleneck ? (int) require(shapes, p + "conv3.weight").get(0) : (int) conv2.get(0);
                    cardinality = bottleneck ? first / (int) conv2.get(1) : 1;
                    w = new int[] {first, (int) conv2.get(0), out};
                    if (mechanism == Mechanism.SE) {
                        reduced.add(new int[] {out, (int) require(shapes, p + gate + ".fc1.weight").get(0)});
                    }
                }
                widths.add(w);
                in = w[2];
            }
        }
        config.radix(mechanism == Mechanism.SK ? paths : mechanism == Mechanism.NONE ? 0 : 1)
                .cardinality(cardinality).splitInput(splitInput);

        int expansion = bottleneck ? 4 : 1;
        int lastPlanes = nominalPlanes(widths.get(widths.size() - 1)[2], expansion);
        int lastWidth = widths.get(widths.size() - 1)[1];
        int bottleneckWidth = bottleneck ? lastWidth / cardinality * 64 / lastPlanes : 64;
        int basePlanes = nominalPlanes(widths.get(0)[2], expansion);
        config.bottleneckWidth(bottleneckWidth).basePlanes(basePlanes).reduceFirst(reduceFirst(widths.get(0)));
        if (!followsFormula(config.build(), widths)) {
            // pruned: the widths are the list; the nominal ones only set ECA's kernels
            config.widths(widths.stream().map(w -> List.of(w[0], w[1], w[2])).toList()).bottleneckWidth(64)
                    .cardinality(1).reduceFirst(1);
            if (mechanism == Mechanism.ECA) {
                config.basePlanes(nominalBasePlanes(shapes, layers, expansion, gate));
            }
        }
        if (!reduced.isEmpty()) {
            ArchitectureInference.reduction(config, reduced, mechanism == Mechanism.SK ? "attn.fc_reduce" : gate + ".fc1");
        }
        return config.build();
    }

    /** conv1 narrower than the 3×3 conv by a whole factor (SENet-154: 2); 1 otherwise. */
    private static int reduceFirst(int[] firstBlock) {
        int first = firstBlock[0];
        int width = firstBlock[1];
        return width > first && width % first == 0 && width / first <= 64 ? width / first : 1;
    }

    private static int countPaths(Map<String, Shape> shapes, String sk) {
        int m = 0;
        while (shapes.containsKey(sk + "paths." + m + ".conv.weight")) {
            m++;
        }
        return m;
    }

    private static int nominalPlanes(int out, int expansion) {
        if (out % expansion != 0) {
            return Math.max(1, out / expansion);
        }
        return out / expansion;
    }

    private static boolean followsFormula(ResNeStConfig config, List<int[]> widths) {
        int index = 0;
        for (int s = 0; s < config.stages(); s++) {
            for (int b = 0; b < config.layers().get(s); b++) {
                ResNeStConfig.BlockWidths w = config.blockWidths(index, s);
                int[] seen = widths.get(index++);
                if (w.first() != seen[0] || w.width() != seen[1] || w.out() != seen[2]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A pruned ECA model keeps the kernels of its unpruned widths (planes·expansion per stage): the
     * smallest power-of-two base planes whose kernels are the weights' in every stage.
     */
    private static int nominalBasePlanes(Map<String, Shape> shapes, List<Integer> layers, int expansion, String gate) {
        for (int base = 1; base <= 1024; base *= 2) {
            boolean all = true;
            for (int s = 0; s < layers.size() && all; s++) {
                int kernel = (int) require(shapes, "layer" + (s + 1) + ".0." + gate + ".conv.weight").get(2);
                all = ResNeStConfig.ecaKernel((base << s) * expansion) == kernel;
            }
            if (all) {
                return base;
            }
        }
        throw new IllegalArgumentException("the ECA kernels of this pruned model follow no stage widths");
    }
}
