package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;

/**
 * The bottleneck (module {@code layerS.B}): 1×1 conv → 3×3 conv → 1×1 conv, plus the shortcut. The
 * 3×3 conv is ResNeSt's split-attention conv (radix ≥ 1) or a plain grouped conv; SE and ECA gate the
 * branch after {@code bn3} (module {@code se}, in the SENet release {@code se_module}). With avd, a
 * strided block downsamples with a 3×3 average pool before or after the 3×3 conv; the SENet release's
 * SE-ResNet strides its first 1×1 conv, everything else the 3×3 conv.
 */
public final class Bottleneck extends ResidualBlock {
    private final int avdStride;
    private final boolean avdFirst;
    final Conv conv1;
    final BatchNorm2d bn1;
    final SplitAttention splitAttention; // split attention, radix ≥ 1
    final Conv conv2;                    // otherwise
    final BatchNorm2d bn2;
    final Conv conv3;
    final BatchNorm2d bn3;
    final ChannelGate gate;              // SE or ECA; null otherwise

    Bottleneck(String name, ResNeStConfig config, int stage, ResNeStConfig.BlockWidths widths, int in, int stride) {
        super(name, config.mechanism(), config.radix(),
                gatesOutput(config) ? 1 : config.cardinality(),
                gatesOutput(config) ? widths.out() : widths.width(),
                config.legacy() ? "se_module" : config.mechanism().defaultModule(),
                shortcut(in, widths.out(), stride, config));
        Mechanism mechanism = config.mechanism();
        this.avdFirst = config.avdFirst();
        this.avdStride = config.avd() && stride > 1 ? stride : 0;
        // Caffe's SE-ResNet strides conv1; SE-ResNeXt and SENet-154 (reduce-first) the 3×3 conv
        boolean strideFirst = config.legacy() && config.cardinality() == 1 && config.reduceFirst() == 1;
        int conv1Stride = strideFirst ? stride : 1;
        int convStride = avdStride > 0 || strideFirst ? 1 : stride;
        int width = widths.width();

        conv1 = child("conv1", new Conv(in, widths.first(), 1, conv1Stride, 0, 1, false));
        bn1 = child("bn1", new BatchNorm2d(widths.first()));
        if (mechanism == Mechanism.SPLAT) {
            splitAttention = child("conv2",
                    new SplitAttention(name, widths.first(), width, convStride, config.radix(), config.cardinality()));
            conv2 = null;
            bn2 = null;
        } else {
            splitAttention = null;
            conv2 = child("conv2", new Conv(widths.first(), width, 3, convStride, 1, config.cardinality(), false));
            bn2 = child("bn2", new BatchNorm2d(width));
        }
        conv3 = child("conv3", new Conv(width, widths.out(), 1, 1, 0, 1, false));
        bn3 = child("bn3", new BatchNorm2d(widths.out()));
        gate = switch (mechanism) {
            case SE -> child(config.legacy() ? "se_module" : "se", new SqueezeExcite(name, widths.out(),
                    config.attentionChannels(widths.out()), config.attentionNorm()));
            // the kernel follows the nominal width: pruning keeps it
            case ECA -> child("se", new EfficientChannelAttention(name, widths.out(),
                    ResNeStConfig.ecaKernel(config.planes(stage) * config.expansion())));
            default -> null;
        };
        registerShortcut();
    }

    /** SE and ECA weigh the block's output channels; split attention (and a plain block) the 3×3 conv's. */
    private static boolean gatesOutput(ResNeStConfig config) {
        return config.mechanism() == Mechanism.SE || config.mechanism() == Mechanism.ECA;
    }

    /** conv1 → (avd first) → 3×3 conv: V, the split-attention output; with a gate, the gated branch. */
    @Override
    NDArray head(NDArray x, CaptureSink sink) {
        NDArray out = Activation.relu(bn1.apply(conv1.apply(x)));
        if (avdStride > 0 && avdFirst) {
            out = avgPool3x3(out, avdStride);
        }
        out = splitAttention != null
                ? splitAttention.apply(out, sink)
                : Activation.relu(bn2.apply(conv2.apply(out)));
        return gate == null ? out : gate.apply(last(out), sink);
    }

    /** The rest of the branch (unless the gate ended it), plus the shortcut of the block's input x, ReLU. */
    @Override
    NDArray tail(NDArray v, NDArray x) {
        NDArray branch = gate == null ? last(v) : v;
        return residual(branch, x);
    }

    /** (avd last) → conv3 → bn3. */
    private NDArray last(NDArray v) {
        NDArray out = v;
        if (avdStride > 0 && !avdFirst) {
            out = avgPool3x3(out, avdStride);
        }
        return bn3.apply(conv3.apply(out));
    }

    @Override
    void foldBatchNorm() {
        conv1.fold(bn1);
        if (splitAttention != null) {
            splitAttention.foldBatchNorm();
        } else {
            conv2.fold(bn2);
        }
        conv3.fold(bn3);
        if (gate != null) {
            gate.foldBatchNorm();
        }
        if (downsample != null) {
            downsample.foldBatchNorm();
        }
    }
}
