package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.types.Shape;
import org.splitscope.model.nn.Module;

/**
 * One residual block ({@code layerS.B}) with its attention slot: {@link Bottleneck}, {@link BasicBlock}
 * and SKNet's two ({@link SkBottleneck}, {@link SkBasicBlock}). Split in two at the attention module's
 * output V so that gradients can be cut there: {@link #head} (input → V) and {@link #tail} (V and the
 * input → the block's output).
 */
public abstract class ResidualBlock extends Module {
    private final String name;
    private final Mechanism mechanism;
    private final int radix;
    private final int cardinality;
    private final int channels;
    private final String attentionModule;
    final Downsample downsample; // null: identity shortcut

    /**
     * @param channels C, the channels the attention weighs
     * @param attentionModule the attention module's child name ({@code conv2}, {@code se}, …); null without one
     */
    ResidualBlock(String name, Mechanism mechanism, int radix, int cardinality, int channels, String attentionModule,
            Downsample downsample) {
        this.name = name;
        this.mechanism = mechanism;
        this.radix = mechanism == Mechanism.NONE ? 0 : radix;
        this.cardinality = cardinality;
        this.channels = channels;
        this.attentionModule = mechanism == Mechanism.NONE ? null : attentionModule;
        this.downsample = downsample;
    }

    /** Registers the shortcut after the branch's modules, where the checkpoints list it. */
    final void registerShortcut() {
        if (downsample != null) {
            child("downsample", downsample);
        }
    }

    /** The block's output for input x; the attention module reports to the sink. */
    NDArray apply(NDArray x, CaptureSink sink) {
        return tail(head(x, sink), x);
    }

    /** Input → V, the attention module's output. */
    abstract NDArray head(NDArray x, CaptureSink sink);

    /** V and the block's input x → the block's output (rest of the residual branch, shortcut, ReLU). */
    abstract NDArray tail(NDArray v, NDArray x);

    abstract void foldBatchNorm();

    /** branch + shortcut(x), ReLU: how every block ends. */
    final NDArray residual(NDArray branch, NDArray x) {
        NDArray shortcut = downsample == null ? x : downsample.apply(x);
        return Activation.relu(branch.add(shortcut));
    }

    /** The projection where the shape changes; its conv is 1×1 unless a strided one is wider (SENet-154's 3×3). */
    static Downsample shortcut(int in, int out, int stride, ResNeStConfig config) {
        int kernel = stride > 1 ? config.shortcutKernel() : 1;
        return stride != 1 || in != out ? new Downsample(in, out, stride, config.avgDown(), kernel) : null;
    }

    /** 3×3 average pool with the given stride, padding 1, padding counted (PyTorch's default). */
    static NDArray avgPool3x3(NDArray x, int stride) {
        return Pool.avgPool2d(x, new Shape(3, 3), new Shape(stride, stride), new Shape(1, 1), false, true);
    }

    /** Module path, e.g. {@code layer3.4}. */
    public String name() {
        return name;
    }

    /** The attention mechanism; {@link Mechanism#NONE} for a plain block (radix 0). */
    public Mechanism mechanism() {
        return mechanism;
    }

    /** R: splits (SplAt), paths (SK), 1 for a sigmoid gate (SE, ECA), 0 without attention. */
    public int radix() {
        return radix;
    }

    /** K, the cardinal groups of the attention (1 for SE, ECA and SK). */
    public int cardinality() {
        return cardinality;
    }

    /** C, the channels the attention weighs. */
    public int channels() {
        return channels;
    }

    /** The attention module's path, e.g. {@code layer3.4.conv2} or {@code layer3.4.se}; null without one. */
    public String attentionPath() {
        return attentionModule == null ? null : name + "." + attentionModule;
    }

    /** SK only: each path's kernel and dilation, e.g. [[3, 1], [3, 2]]; empty otherwise. */
    public int[][] paths() {
        return new int[0][];
    }

    /** SK only: "3×3, 3×3 dilation 2". */
    public String pathWords() {
        return java.util.Arrays.stream(paths()).map(p -> AttentionWords.kernel(p[0], p[1]))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** One line for reports: what the attention is and what it weighs. */
    public String describe() {
        return switch (mechanism) {
            case SPLAT -> "split attention, R = " + radix + ", K = " + cardinality
                    + (radix == 1 ? " (sigmoid gate)" : " (softmax over splits)") + " on " + channels + " channels";
            case SE -> "squeeze-excitation, sigmoid gate on " + channels + " channels";
            case ECA -> "efficient channel attention, sigmoid gate on " + channels + " channels";
            case SK -> "selective kernel, " + radix + " paths (" + pathWords() + "), softmax over paths on "
                    + channels + " channels";
            case NONE -> "none (a plain conv)";
        };
    }
}
