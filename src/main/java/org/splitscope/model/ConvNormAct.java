package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;
import org.splitscope.model.nn.Module;

/** timm's ConvNormAct (keys {@code conv}, {@code bn}): conv → BN → ReLU (or no ReLU). */
final class ConvNormAct extends Module {
    private final boolean act;
    final Conv conv;
    final BatchNorm2d bn;

    ConvNormAct(int in, int out, int kernel, int stride, int dilation, int groups, boolean act) {
        this.act = act;
        conv = child("conv", new Conv(in, out, kernel, stride, dilation * (kernel - 1) / 2, dilation, groups, false));
        bn = child("bn", new BatchNorm2d(out));
    }

    @Override
    public NDArray apply(NDArray x) {
        NDArray out = bn.apply(conv.apply(x));
        return act ? Activation.relu(out) : out;
    }

    void foldBatchNorm() {
        conv.fold(bn);
    }
}
