package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh weights, as torchvision initialises ResNets: convs He-normal (fan-out), the classifier (and
 * ECA's 1-d conv) uniform ±1/√fan-in, batch norms at identity except each block's last one ({@code bn3},
 * a basic block's {@code bn2}), which starts at zero so that every residual block starts as the identity.
 */
public final class Initialization {
    private Initialization() {}

    public static void initialize(ResNeSt network, NDManager manager, long seed) {
        manager.getEngine().setRandomSeed((int) seed);
        // the block's last batch norm: bn3 of a bottleneck, bn2 of a basic block (SK blocks: none, as in timm)
        ResNeStConfig config = network.config();
        String last = config.mechanism() == Mechanism.SK ? null
                : config.block() == BlockType.BASIC ? "bn2.weight" : "bn3.weight";
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        network.parameterShapes().forEach((key, shape) -> tensors.put(key, initial(manager, key, shape, last)));
        Weights.assign(network, tensors);
    }

    private static NDArray initial(NDManager manager, String key, Shape shape, String lastNorm) {
        if (shape.dimension() == 3) {
            // ECA's Conv1d [1, 1, k]: PyTorch's default, uniform ±1/√fan-in
            float bound = (float) (1 / Math.sqrt(shape.get(1) * shape.get(2)));
            return manager.randomUniform(-bound, bound, shape, DataType.FLOAT32);
        }
        if (shape.dimension() == 4) {
            long fanOut = shape.get(0) * shape.get(2) * shape.get(3);
            return manager.randomNormal(0, (float) Math.sqrt(2.0 / fanOut), shape, DataType.FLOAT32);
        }
        if (shape.dimension() == 2) {
            float bound = (float) (1 / Math.sqrt(shape.get(1)));
            return manager.randomUniform(-bound, bound, shape, DataType.FLOAT32);
        }
        boolean batchNormScale = key.endsWith(".weight");
        if (key.endsWith("running_var") || (batchNormScale && (lastNorm == null || !key.endsWith(lastNorm)))) {
            return manager.ones(shape);
        }
        return manager.zeros(shape); // biases, running means, bn3's scale
    }
}
