package org.splitscope.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;

/** PyTorch's Conv2d (square kernel): keys weight [out, in/groups, k, k] and optional bias. */
public final class Conv extends Module {
    final Parameter weight;
    final Parameter bias;
    private final Shape stride;
    private final Shape padding;
    private final int groups;
    private final Shape dilation;
    private NDArray foldedWeight;
    private NDArray foldedBias;
    private NDArray matrix; // inference, 1×1 kernels: the conv as a dense [out, in] matrix

    public Conv(int in, int out, int kernel, int stride, int padding, int groups, boolean bias) {
        this(in, out, kernel, stride, padding, 1, groups, bias);
    }

    /** A dilated conv (SK's larger kernels are 3×3 with dilation 2). */
    public Conv(int in, int out, int kernel, int stride, int padding, int dilation, int groups, boolean bias) {
        if (in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("channels " + in + "→" + out + " not divisible by groups " + groups);
        }
        this.weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(out, in / groups, kernel, kernel));
        this.bias = bias ? parameter("bias", Parameter.Type.BIAS, new Shape(out)) : null;
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
        this.groups = groups;
        this.dilation = new Shape(dilation, dilation);
    }

    @Override
    public NDArray apply(NDArray x) {
        NDArray w = foldedWeight != null ? foldedWeight : weight.getArray();
        NDArray b = foldedWeight != null ? foldedBias : bias == null ? null : bias.getArray();
        NDArray out = Conv2d.conv2d(x, w, b, stride, padding, dilation, groups).singletonOrThrow();
        MacCounter.add(out.size() * w.getShape().size() / w.getShape().get(0)); // outputs × (in/groups·k·k)
        return out;
    }

    /**
     * The conv on a 1×1 map, [N, in] → [N, out]. After {@link #useMatrix()} a matrix product (about
     * 10× cheaper than a conv call on such a small input), before it the conv itself.
     */
    public NDArray applyToVector(NDArray x) {
        long n = x.getShape().get(0);
        if (matrix != null) {
            NDArray b = foldedWeight != null ? foldedBias : bias == null ? null : bias.getArray();
            MacCounter.add(x.getShape().get(0) * weight.getArray().getShape().size()); // grouped: the real work
            return ai.djl.nn.core.Linear.linear(x, matrix, b).singletonOrThrow();
        }
        long in = x.getShape().get(1);
        return apply(x.reshape(n, in, 1, 1)).reshape(n, -1);     // [N, in, 1, 1] → [N, out]
    }

    /** Inference only, 1×1 kernels: groups become diagonal blocks of one [out, in] matrix. */
    public void useMatrix() {
        NDArray w = foldedWeight != null ? foldedWeight : weight.getArray();
        Shape shape = w.getShape();                                  // [out, in/groups, 1, 1]
        if (shape.get(2) != 1 || shape.get(3) != 1) {
            throw new IllegalStateException("only 1×1 convs are matrices");
        }
        int out = (int) shape.get(0);
        int inPerGroup = (int) shape.get(1);
        int outPerGroup = out / groups;
        int in = inPerGroup * groups;
        float[] grouped = w.toFloatArray();
        float[] dense = new float[out * in];
        for (int o = 0; o < out; o++) {
            int group = o / outPerGroup;
            System.arraycopy(grouped, o * inPerGroup, dense, o * in + group * inPerGroup, inPerGroup);
        }
        matrix = w.getManager().create(dense, new Shape(out, in));
    }

    /**
     * Inference only: folds the batch norm that follows into this conv's weight and bias,
     * W' = W·γ/√(σ²+ε), b' = (b − μ)·γ/√(σ²+ε) + β, and makes the batch norm a pass-through.
     */
    public void fold(BatchNorm2d bn) {
        NDArray scale = bn.weight.getArray().div(bn.runningVar.getArray().add(BatchNorm2d.EPS).sqrt());
        NDArray w = weight.getArray();
        foldedWeight = w.mul(scale.reshape(-1, 1, 1, 1));
        NDArray b = bias == null ? bn.runningMean.getArray().neg() : bias.getArray().sub(bn.runningMean.getArray());
        foldedBias = b.mul(scale).add(bn.bias.getArray());
        bn.markFolded();
    }

    @Override
    public void setTraining(boolean training) {
        if (training) {
            for (NDArray derived : new NDArray[] {foldedWeight, foldedBias, matrix}) {
                if (derived != null) {
                    derived.close();
                }
            }
            foldedWeight = null;
            foldedBias = null;
            matrix = null;
        }
    }
}
