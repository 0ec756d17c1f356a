package org.splitscope.model;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ResNeStConfig} off a state dict's tensor shapes. Everything but the avd placement
 * and the small-input stem options is visible in the weights: avd is assumed on (every public
 * ResNeSt uses it) and first/last comes from the caller.
 */
public final class ArchitectureInference {
    private ArchitectureInference() {}

    /**
     * @throws IllegalArgumentException naming the missing or inconsistent tensor when the shapes are
     *     not those of a ResNeSt
     */
    public static ResNeStConfig infer(Map<String, Shape> shapes) {
        ResNeStConfig.Builder config = ResNeStConfig.builder();
        int stemChannels;
        if (shapes.containsKey("conv1.0.weight")) {
            Shape first = shapes.get("conv1.0.weight");
            config.deepStem(true).stemWidth((int) first.get(0)).inChannels((int) first.get(1));
            stemChannels = (int) require(shapes, "conv1.6.weight").get(0);
        } else {
            Shape conv = require(shapes, "conv1.weight");
            stemChannels = (int) conv.get(0);
            config.deepStem(false).stemWidth(stemChannels / 2).inChannels((int) conv.get(1));
        }
        require(shapes, "bn1.weight");

        List<Integer> layers = new ArrayList<>();
        while (shapes.containsKey("layer" + (layers.size() + 1) + ".0.conv1.weight")) {
            String stage = "layer" + (layers.size() + 1);
            int blocks = 0;
            while (shapes.containsKey(stage + "." + blocks + ".conv1.weight")) {
                blocks++;
            }
            layers.add(blocks);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no layer1.0.conv1.weight: not a ResNeSt/ResNet state dict");
        }
        config.layers(layers.stream().mapToInt(Integer::intValue).toArray());

        int width = (int) require(shapes, "layer1.0.conv1.weight").get(0);
        int basePlanes = (int) require(shapes, "layer1.0.conv3.weight").get(0) / ResNeStConfig.EXPANSION;
        int radix;
        int cardinality;
        if (shapes.containsKey("layer1.0.conv2.conv.weight")) {
            radix = (int) shapes.get("layer1.0.conv2.conv.weight").get(0) / width;
            cardinality = width / (int) require(shapes, "layer1.0.conv2.fc1.weight").get(1);
        } else {
            radix = 0;
            cardinality = width / (int) require(shapes, "layer1.0.conv2.weight").get(1);
        }
        // The group width is int(planes·width/64)·K; the widest stage rounds least, so read it there.
        String last = "layer" + layers.size() + ".0.";
        int lastWidth = (int) require(shapes, last + "conv1.weight").get(0);
        int lastPlanes = (int) require(shapes, last + "conv3.weight").get(0) / ResNeStConfig.EXPANSION;
        config.radix(radix).cardinality(cardinality).basePlanes(basePlanes)
                .bottleneckWidth(lastWidth / cardinality * 64 / lastPlanes);

        // avg-down puts the 1×1 conv in slot 1 (slot 0 is the pool); find the first projection.
        for (int stage = 1; stage <= layers.size(); stage++) {
            String prefix = "layer" + stage + ".0.downsample.";
            if (shapes.containsKey(prefix + "1.weight") && shapes.get(prefix + "1.weight").dimension() == 4) {
                config.avgDown(true);
                break;
            }
            if (shapes.containsKey(prefix + "0.weight")) {
                config.avgDown(false);
                break;
            }
        }
        config.numClasses((int) require(shapes, "fc.weight").get(0));
        ResNeStConfig inferred = config.build();
        if (inferred.stemChannels() != stemChannels) {
            throw new IllegalArgumentException("stem outputs " + stemChannels
                    + " channels; a ResNeSt stem outputs twice its width (" + inferred.stemChannels() + ")");
        }
        return inferred;
    }

    private static Shape require(Map<String, Shape> shapes, String key) {
        Shape shape = shapes.get(key);
        if (shape == null) {
            throw new IllegalArgumentException("no tensor '" + key + "': not a ResNeSt state dict");
        }
        return shape;
    }
}
