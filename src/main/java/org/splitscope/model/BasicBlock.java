package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;

/**
 * The basic block of ResNet-18/34 (module {@code layerS.B}): 3×3 conv (strided) → 3×3 conv, plus the
 * shortcut; SE or ECA gate the branch after {@code bn2} (module {@code se}; the SENet release has
 * {@code se_module} after a ReLU).
 */
public final class BasicBlock extends ResidualBlock {
    private final boolean reluBeforeGate;
    final Conv conv1;
    final BatchNorm2d bn1;
    final Conv conv2;
    final BatchNorm2d bn2;
    final ChannelGate gate; // null: none

    BasicBlock(String name, ResNeStConfig config, int stage, ResNeStConfig.BlockWidths widths, int in, int stride) {
        super(name, config.mechanism(), config.radix(), 1, widths.out(),
                config.legacy() ? "se_module" : config.mechanism().defaultModule(),
                shortcut(in, widths.out(), stride, config));
        reluBeforeGate = config.legacy();
        conv1 = child("conv1", new Conv(in, widths.first(), 3, stride, 1, 1, false));
        bn1 = child("bn1", new BatchNorm2d(widths.first()));
        conv2 = child("conv2", new Conv(widths.first(), widths.out(), 3, 1, 1, 1, false));
        bn2 = child("bn2", new BatchNorm2d(widths.out()));
        gate = switch (config.mechanism()) {
            case SE -> child(config.legacy() ? "se_module" : "se", new SqueezeExcite(name, widths.out(),
                    config.attentionChannels(widths.out()), config.attentionNorm()));
            case ECA -> child("se", new EfficientChannelAttention(name, widths.out(),
                    ResNeStConfig.ecaKernel(config.planes(stage) * config.expansion())));
            case NONE -> null;
            default -> throw new IllegalArgumentException(config.mechanism().words() + " has no basic block here");
        };
        registerShortcut();
    }

    /** conv1 → bn1 → ReLU → conv2 → bn2 (→ ReLU in the SENet release) → (gate): the residual branch. */
    @Override
    NDArray head(NDArray x, CaptureSink sink) {
        NDArray out = Activation.relu(bn1.apply(conv1.apply(x)));
        out = bn2.apply(conv2.apply(out));
        if (reluBeforeGate) {
            out = Activation.relu(out);
        }
        return gate == null ? out : gate.apply(out, sink);
    }

    @Override
    NDArray tail(NDArray v, NDArray x) {
        return residual(v, x);
    }

    @Override
    void foldBatchNorm() {
        conv1.fold(bn1);
        conv2.fold(bn2);
        if (gate != null) {
            gate.foldBatchNorm();
        }
        if (downsample != null) {
            downsample.foldBatchNorm();
        }
    }
}
