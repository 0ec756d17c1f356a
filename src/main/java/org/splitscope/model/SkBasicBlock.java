package org.splitscope.model;

import ai.djl.ndarray.NDArray;

/**
 * SKNet's basic block (timm's SelectiveKernelBasic; module {@code layerS.B}): {@code conv1} the
 * selective-kernel conv (strided) → {@code conv2} 3×3 conv + BN, plus the shortcut.
 */
public final class SkBasicBlock extends ResidualBlock {
    final SelectiveKernel conv1;
    final ConvNormAct conv2;

    SkBasicBlock(String name, ResNeStConfig config, ResNeStConfig.BlockWidths widths, int in, int stride) {
        super(name, Mechanism.SK, config.radix(), 1, widths.first(), "conv1", shortcut(in, widths.out(), stride, config));
        conv1 = child("conv1", new SelectiveKernel(name, in, widths.first(), stride, config.radix(), 1,
                config.splitInput(), config.attentionChannels(widths.first())));
        conv2 = child("conv2", new ConvNormAct(widths.first(), widths.out(), 3, 1, 1, 1, false));
        registerShortcut();
    }

    /** SK: V = Σ_m a_m ⊙ U_m. */
    @Override
    NDArray head(NDArray x, CaptureSink sink) {
        return conv1.apply(x, sink);
    }

    @Override
    NDArray tail(NDArray v, NDArray x) {
        return residual(conv2.apply(v), x);
    }

    @Override
    public int[][] paths() {
        return conv1.kernels();
    }

    @Override
    void foldBatchNorm() {
        conv1.foldBatchNorm();
        conv2.foldBatchNorm();
        if (downsample != null) {
            downsample.foldBatchNorm();
        }
    }
}
