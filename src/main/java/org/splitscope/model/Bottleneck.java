package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;
import org.splitscope.model.nn.Module;

/**
 * The ResNeSt bottleneck (module {@code layerS.B}): 1×1 conv → split-attention 3×3 conv (or a plain
 * grouped 3×3 conv at radix 0) → 1×1 conv, plus the shortcut. With avd, a strided block does its
 * downsampling with a 3×3 average pool, before or after the 3×3 conv.
 */
public final class Bottleneck extends Module {
    private final String name;
    private final int radix;
    private final int avdStride;
    private final boolean avdFirst;
    private final int channels;
    private final int cardinality;
    final Conv conv1;
    final BatchNorm2d bn1;
    final SplitAttention splitAttention; // radix ≥ 1
    final Conv conv2;                    // radix 0
    final BatchNorm2d bn2;               // radix 0
    final Conv conv3;
    final BatchNorm2d bn3;
    final Downsample downsample;         // null: identity shortcut

    Bottleneck(String name, ResNeStConfig config, int stage, int in, int stride) {
        this.name = name;
        this.radix = config.radix();
        this.avdFirst = config.avdFirst();
        this.avdStride = config.avd() && stride > 1 ? stride : 0;
        int convStride = avdStride > 0 ? 1 : stride;
        int width = config.groupWidth(stage);
        int out = config.planes(stage) * ResNeStConfig.EXPANSION;
        this.channels = width;
        this.cardinality = config.cardinality();

        conv1 = child("conv1", new Conv(in, width, 1, 1, 0, 1, false));
        bn1 = child("bn1", new BatchNorm2d(width));
        if (radix >= 1) {
            splitAttention = child("conv2",
                    new SplitAttention(name, width, width, convStride, radix, config.cardinality()));
            conv2 = null;
            bn2 = null;
        } else {
            splitAttention = null;
            conv2 = child("conv2", new Conv(width, width, 3, convStride, 1, config.cardinality(), false));
            bn2 = child("bn2", new BatchNorm2d(width));
        }
        conv3 = child("conv3", new Conv(width, out, 1, 1, 0, 1, false));
        bn3 = child("bn3", new BatchNorm2d(out));
        downsample = stride != 1 || in != out
                ? child("downsample", new Downsample(in, out, stride, config.avgDown()))
                : null;
    }

    NDArray apply(NDArray x, CaptureSink sink) {
        return tail(head(x, sink), x);
    }

    /** conv1 → (avd first) → split attention: V, the SplAt output (a plain grouped conv's at radix 0). */
    NDArray head(NDArray x, CaptureSink sink) {
        NDArray out = Activation.relu(bn1.apply(conv1.apply(x)));
        if (avdStride > 0 && avdFirst) {
            out = avd(out);
        }
        return radix >= 1
                ? splitAttention.apply(out, sink)
                : Activation.relu(bn2.apply(conv2.apply(out)));
    }

    /** (avd last) → conv3 → bn3, plus the shortcut of the block's input x, ReLU: the block's output. */
    NDArray tail(NDArray v, NDArray x) {
        NDArray out = v;
        if (avdStride > 0 && !avdFirst) {
            out = avd(out);
        }
        out = bn3.apply(conv3.apply(out));
        NDArray shortcut = downsample == null ? x : downsample.apply(x);
        return Activation.relu(out.add(shortcut));
    }

    /** 3×3 average pool with the block's stride, padding 1, padding counted (PyTorch's default). */
    private NDArray avd(NDArray x) {
        return Pool.avgPool2d(x, new Shape(3, 3), new Shape(avdStride, avdStride), new Shape(1, 1), false, true);
    }

    void foldBatchNorm() {
        conv1.fold(bn1);
        if (splitAttention != null) {
            splitAttention.foldBatchNorm();
        } else {
            conv2.fold(bn2);
        }
        conv3.fold(bn3);
        if (downsample != null) {
            downsample.foldBatchNorm();
        }
    }

    /** Module path, e.g. {@code layer3.4}. */
    public String name() {
        return name;
    }

    public int radix() {
        return radix;
    }

    public int cardinality() {
        return cardinality;
    }

    /** C, the channels of the split-attention conv. */
    public int channels() {
        return channels;
    }
}
