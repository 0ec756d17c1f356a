package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts state-dict tensors into a network's parameters: the keys are the same, so no mapping table. */
public final class Weights {
    private Weights() {}

    /** Compares keys and shapes without touching anything. */
    public static WeightReport check(ResNeSt network, Map<String, Shape> shapes) {
        Map<String, Shape> parameters = network.parameterShapes();
        List<String> missing = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        for (Map.Entry<String, Shape> p : parameters.entrySet()) {
            Shape shape = shapes.get(p.getKey());
            if (shape == null) {
                missing.add(p.getKey());
            } else if (!shape.equals(p.getValue())) {
                misShaped.add(p.getKey() + " " + shape + " (expected " + p.getValue() + ")");
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : shapes.keySet()) {
            if (!parameters.containsKey(key) && !key.endsWith("num_batches_tracked")) {
                unexpected.add(key);
            }
        }
        return new WeightReport(missing, unexpected, misShaped);
    }

    /**
     * Assigns every parameter its tensor (as float32). Call {@link #check} first; this assumes a fit.
     * The arrays become the parameters' own and must outlive the network.
     */
    public static void assign(ResNeSt network, Map<String, NDArray> tensors) {
        for (Map.Entry<String, Parameter> p : parametersByKey(network).entrySet()) {
            NDArray array = tensors.get(p.getKey());
            if (array.getDataType() != DataType.FLOAT32) {
                array = array.toType(DataType.FLOAT32, false);
            }
            p.getValue().setArray(array);
        }
    }

    public static Map<String, Parameter> parametersByKey(ResNeSt network) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            byKey.put(p.getKey(), p.getValue());
        }
        return byKey;
    }

    /** Learnable parameters (running statistics excluded), as papers count them. */
    public static long count(ResNeSt network) {
        long total = 0;
        for (Map.Entry<String, Shape> p : network.parameterShapes().entrySet()) {
            if (!p.getKey().endsWith("running_mean") && !p.getKey().endsWith("running_var")) {
                total += p.getValue().size();
            }
        }
        return total;
    }
}
