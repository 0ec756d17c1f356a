package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh weights, as torchvision initialises ResNets: convs He-normal (fan-out), the classifier
 * uniform ±1/√fan-in, batch norms at identity except each block's last one ({@code bn3}), which
 * starts at zero so that every residual block starts as the identity.
 */
public final class Initialization {
    private Initialization() {}

    public static void initialize(ResNeSt network, NDManager manager, long seed) {
        manager.getEngine().setRandomSeed((int) seed);
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        network.parameterShapes().forEach((key, shape) -> tensors.put(key, initial(manager, key, shape)));
        Weights.assign(network, tensors);
    }

    private static NDArray initial(NDManager manager, String key, Shape shape) {
        if (shape.dimension() == 4) {
            long fanOut = shape.get(0) * shape.get(2) * shape.get(3);
            return manager.randomNormal(0, (float) Math.sqrt(2.0 / fanOut), shape, DataType.FLOAT32);
        }
        if (shape.dimension() == 2) {
            float bound = (float) (1 / Math.sqrt(shape.get(1)));
            return manager.randomUniform(-bound, bound, shape, DataType.FLOAT32);
        }
        boolean batchNormScale = key.endsWith(".weight");
        if (key.endsWith("running_var") || (batchNormScale && !key.endsWith("bn3.weight"))) {
            return manager.ones(shape);
        }
        return manager.zeros(shape); // biases, running means, bn3's scale
    }
}
