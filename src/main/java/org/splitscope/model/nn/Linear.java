package org.splitscope.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/** PyTorch's Linear: keys weight [out, in] and bias [out]. */
public final class Linear extends Module {
    private final Parameter weight;
    private final Parameter bias;

    public Linear(int in, int out) {
        weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in));
        bias = parameter("bias", Parameter.Type.BIAS, new Shape(out));
    }

    @Override
    public NDArray apply(NDArray x) {
        MacCounter.add(x.getShape().get(0) * weight.getArray().getShape().size());
        return ai.djl.nn.core.Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow();
    }
}
