package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import org.splitscope.model.nn.Module;

/**
 * A per-channel sigmoid gate on the block's residual branch (SE, ECA): s = GAP(X), a = σ(f(s)),
 * output X ⊙ a. Reports a as attention [N, 1, 1, C] and s as the GAP [N, 1, C]; with splits, X as the
 * one "split" [N, 1, C, H, W] and X ⊙ a as the fused output.
 */
abstract class ChannelGate extends Module {
    private final String block;
    final int channels;

    ChannelGate(String block, int channels) {
        this.block = block;
        this.channels = channels;
    }

    NDArray apply(NDArray x, CaptureSink sink) {
        long n = x.getShape().get(0);
        NDArray s = Pool.globalAvgPool2d(x).reshape(n, channels);           // s = GAP(X): [N, C]
        Excitation f = excite(s);                                           // f(s): [N, C]
        NDArray gate = Activation.sigmoid(f.logits());                      // a = σ(f(s))
        NDArray attention = sink.intervene(block, gate.reshape(n, 1, 1, channels)); // forced a, if any
        NDArray fused = x.mul(attention.reshape(n, channels, 1, 1));        // X ⊙ a: [N, C, H, W]

        sink.attention(block, attention, s.reshape(n, 1, channels));
        if (sink.wantsSplits(block)) {
            sink.splits(block, x.expandDims(1), fused);                     // [N, 1, C, H, W]
        }
        if (sink.wantsInternals(block)) {
            sink.internals(block, x, hiddenShown(f, x), f.logits());        // the walkthrough's X, fc1, fc2
        }
        return fused;
    }

    /**
     * What the walkthrough shows between squeeze and gate: SE's fc1 + ReLU output [N, hidden];
     * ECA, which has no hidden layer, overrides it with its 1-d conv's kernel, one row per image.
     */
    NDArray hiddenShown(Excitation f, NDArray x) {
        return f.hidden();
    }

    /**
     * @param hidden what lies between squeeze and excitation (SE: fc1 + ReLU), null for ECA
     * @param logits the gate's input before the sigmoid: [N, C]
     */
    record Excitation(NDArray hidden, NDArray logits) {}

    /** f(s) for the pooled vector s [N, C]. */
    abstract Excitation excite(NDArray s);

    abstract void foldBatchNorm();
}
