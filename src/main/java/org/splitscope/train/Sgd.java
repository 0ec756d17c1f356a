package org.splitscope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SGD with Nesterov momentum and decoupled-from-BN weight decay (conv and linear weights only).
 * Its own class, not DJL's Sgd, because resuming needs the momentum buffers, which DJL keeps private.
 */
final class Sgd {
    private final double momentum;
    private final double weightDecay;
    private final Map<String, NDArray> velocity = new LinkedHashMap<>();

    Sgd(double momentum, double weightDecay) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    /** One update from the gradients of the last backward; the gradients are zeroed after. */
    void step(Map<String, Parameter> trainable, double learningRate) {
        try (NDScope scope = new NDScope()) {
            for (Map.Entry<String, Parameter> p : trainable.entrySet()) {
                NDArray w = p.getValue().getArray();
                NDArray grad = w.getGradient();
                NDArray g = w.getShape().dimension() > 1 ? grad.add(w.mul(weightDecay)) : grad.duplicate();
                NDArray v = velocity.computeIfAbsent(p.getKey(), k -> keep(w.zerosLike()));
                v.muli(momentum).addi(g);                                  // v = μ·v + g
                w.subi(g.addi(v.mul(momentum)).muli(learningRate));        // w -= lr·(g + μ·v)
                grad.subi(grad);
            }
        }
    }

    private static NDArray keep(NDArray array) {
        NDScope.unregister(array);
        return array;
    }

    Map<String, NDArray> state() {
        return velocity;
    }

    /** Momentum buffers from a checkpoint (arrays owned by the caller's manager). */
    void restore(Map<String, NDArray> buffers) {
        velocity.putAll(buffers);
    }
}
