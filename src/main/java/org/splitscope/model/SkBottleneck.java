package org.splitscope.model;

import ai.djl.ndarray.NDArray;

/**
 * SKNet's bottleneck (timm's SelectiveKernelBottleneck; module {@code layerS.B}): {@code conv1} 1×1
 * conv + BN + ReLU → {@code conv2} the selective-kernel conv (strided, grouped by the cardinality) →
 * {@code conv3} 1×1 conv + BN, plus the shortcut.
 */
public final class SkBottleneck extends ResidualBlock {
    final ConvNormAct conv1;
    final SelectiveKernel conv2;
    final ConvNormAct conv3;

    SkBottleneck(String name, ResNeStConfig config, ResNeStConfig.BlockWidths widths, int in, int stride) {
        super(name, Mechanism.SK, config.radix(), 1, widths.width(), "conv2", shortcut(in, widths.out(), stride, config));
        conv1 = child("conv1", new ConvNormAct(in, widths.first(), 1, 1, 1, 1, true));
        conv2 = child("conv2", new SelectiveKernel(name, widths.first(), widths.width(), stride, config.radix(),
                config.cardinality(), config.splitInput(), config.attentionChannels(widths.width())));
        conv3 = child("conv3", new ConvNormAct(widths.width(), widths.out(), 1, 1, 1, 1, false));
        registerShortcut();
    }

    /** conv1 → SK: V = Σ_m a_m ⊙ U_m. */
    @Override
    NDArray head(NDArray x, CaptureSink sink) {
        NDArray out = conv1.apply(x);
        return conv2.apply(out, sink);
    }

    @Override
    NDArray tail(NDArray v, NDArray x) {
        return residual(conv3.apply(v), x);
    }

    @Override
    public int[][] paths() {
        return conv2.kernels();
    }

    @Override
    void foldBatchNorm() {
        conv1.foldBatchNorm();
        conv2.foldBatchNorm();
        conv3.foldBatchNorm();
        if (downsample != null) {
            downsample.foldBatchNorm();
        }
    }
}
