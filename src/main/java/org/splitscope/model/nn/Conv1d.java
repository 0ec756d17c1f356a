package org.splitscope.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/** PyTorch's Conv1d without bias, padding (k − 1)/2 (ECA's conv across channels): key weight [out, in, k]. */
public final class Conv1d extends Module {
    final Parameter weight;
    private final Shape padding;

    public Conv1d(int in, int out, int kernel) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("a Conv1d kernel must be odd and positive, got " + kernel);
        }
        weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in, kernel));
        padding = new Shape((kernel - 1) / 2);
    }

    /** The kernel [out, in, k] (the walkthrough shows ECA's). */
    public NDArray weights() {
        return weight.getArray();
    }

    /** [N, in, L] → [N, out, L]. */
    @Override
    public NDArray apply(NDArray x) {
        NDArray w = weight.getArray();
        NDArray out = ai.djl.nn.convolutional.Conv1d.conv1d(x, w, null, new Shape(1), padding, new Shape(1), 1)
                .singletonOrThrow();
        MacCounter.add(out.size() * w.getShape().size() / w.getShape().get(0));
        return out;
    }
}
