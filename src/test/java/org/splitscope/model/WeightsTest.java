package org.splitscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightsTest {
    private static final ResNeStConfig CONFIG = ResNeStConfig.builder().layers(1, 1).radix(2).cardinality(2)
            .basePlanes(8).stemWidth(8).numClasses(10).build();

    @Test
    void namesMissingUnexpectedAndMisShapedKeys() {
        ResNeSt network = new ResNeSt(CONFIG);
        Map<String, Shape> shapes = new LinkedHashMap<>(network.parameterShapes());
        shapes.remove("layer2.0.conv2.fc1.bias");
        shapes.put("layer2.0.conv2.fc3.weight", new Shape(4, 4));
        shapes.put("layer1.0.bn1.num_batches_tracked", new Shape());
        shapes.put("fc.weight", new Shape(11, 64));

        WeightReport report = Weights.check(network, shapes);
        assertEquals(List.of("layer2.0.conv2.fc1.bias"), report.missing());
        assertEquals(List.of("layer2.0.conv2.fc3.weight"), report.unexpected());
        assertEquals(List.of("fc.weight (11, 64) (expected (10, 64))"), report.misShaped());
        assertTrue(report.describe().contains("1 missing: layer2.0.conv2.fc1.bias"), report.describe());
    }

    @Test
    void keysAreTheOfficialCheckpointKeys() {
        Map<String, Shape> shapes = new ResNeSt(CONFIG).parameterShapes();
        for (String key : List.of("conv1.0.weight", "conv1.1.running_var", "conv1.6.weight", "bn1.weight",
                "layer1.0.conv2.conv.weight", "layer1.0.conv2.bn0.bias", "layer1.0.conv2.fc1.bias",
                "layer1.0.conv2.bn1.running_mean", "layer1.0.conv2.fc2.weight", "layer2.0.downsample.1.weight",
                "layer2.0.downsample.2.running_var", "fc.weight", "fc.bias")) {
            assertTrue(shapes.containsKey(key), key);
        }
        // SplAt conv: K·R groups; fc1/fc2 grouped by K; attention channels max(C·R/4, 32).
        assertEquals(new Shape(64, 8, 3, 3), shapes.get("layer2.0.conv2.conv.weight"));
        assertEquals(new Shape(32, 16, 1, 1), shapes.get("layer2.0.conv2.fc1.weight"));
        assertEquals(new Shape(64, 16, 1, 1), shapes.get("layer2.0.conv2.fc2.weight"));
    }

    @Test
    void presetsHaveThePublishedParameterCounts() {
        // timm's and the official counts (running statistics excluded).
        assertEquals(27_483_240, Weights.count(new ResNeSt(Presets.find("resnest50d").orElseThrow().config())));
        assertEquals(10_611_688, Weights.count(new ResNeSt(Presets.find("resnest14d").orElseThrow().config())));
    }
}
