package org.splitscope.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;

/** PyTorch's BatchNorm2d: keys weight, bias, running_mean, running_var; eps 1e-5, momentum 0.1. */
public final class BatchNorm2d extends Module {
    static final float EPS = 1e-5f;

    final Parameter weight;
    final Parameter bias;
    final Parameter runningMean;
    final Parameter runningVar;
    private boolean training;
    private boolean folded;

    public BatchNorm2d(int channels) {
        Shape shape = new Shape(channels);
        weight = parameter("weight", Parameter.Type.GAMMA, shape);
        bias = parameter("bias", Parameter.Type.BETA, shape);
        runningMean = parameter("running_mean", Parameter.Type.RUNNING_MEAN, shape);
        runningVar = parameter("running_var", Parameter.Type.RUNNING_VAR, shape);
    }

    @Override
    public NDArray apply(NDArray x) {
        if (folded) {
            return x; // already applied by the conv before it
        }
        // The 9-argument form is the only one that honours training = false; DJL's momentum is 1 − PyTorch's.
        return BatchNorm.batchNorm(x, runningMean.getArray(), runningVar.getArray(), weight.getArray(),
                        bias.getArray(), 1, 0.9f, EPS, training)
                .singletonOrThrow();
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
        if (training) {
            folded = false;
        }
    }

    void markFolded() {
        folded = true;
    }
}
