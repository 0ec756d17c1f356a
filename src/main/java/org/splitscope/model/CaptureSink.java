package org.splitscope.model;

import ai.djl.ndarray.NDArray;

/**
 * Where each block with attention (split attention, SE, ECA or SK) reports during a forward. Arrays stay on the device and belong to
 * the forward's manager; a sink that keeps one must take it out of the block's scope
 * ({@code NDScope.unregister}) — {@link #keep} does that.
 */
public interface CaptureSink {

    /** Discards everything: a plain forward. */
    CaptureSink NONE = new CaptureSink() {
        @Override
        public void attention(String block, NDArray attention, NDArray gap) {}
    };

    /**
     * @param block the module path of the bottleneck, e.g. {@code layer3.4}
     * @param attention [N, R, K, C/K], exactly the r-softmax (or sigmoid) output
     * @param gap [N, K, C/K], the pooled sum of the splits that enters fc1
     */
    void attention(String block, NDArray attention, NDArray gap);

    /**
     * The attention the block goes on with, given the r-softmax (or sigmoid) output: unchanged unless
     * an intervention replaces it. What this returns is also what {@link #attention} is told.
     *
     * @param attention [N, R, K, C/K]
     * @return [N, R, K, C/K], in the forward's scope like its input
     */
    default NDArray intervene(String block, NDArray attention) {
        return attention;
    }

    /** Whether this block should also report its per-split maps (large; off by default). */
    default boolean wantsSplits(String block) {
        return false;
    }

    /**
     * @param splits U_r stacked: [N, R, C, H, W]
     * @param fused V, the block's split-attention output: [N, C, H, W]
     */
    default void splits(String block, NDArray splits, NDArray fused) {}

    /** Whether this block should also report its input and fc1/fc2 outputs (the walkthrough; off by default). */
    default boolean wantsInternals(String block) {
        return false;
    }

    /**
     * @param input X, what the split-attention conv takes: [N, C_in, H, W]
     * @param hidden fc1 + BN + ReLU of the GAP: [N, attention channels]; for ECA, which has no hidden
     *     layer, its 1-d conv's kernel [N, k] (the same row per image)
     * @param logits fc2's output before the r-softmax: [N, R·C], cardinal-major (k, r, c/K)
     */
    default void internals(String block, NDArray input, NDArray hidden, NDArray logits) {}

    static NDArray keep(NDArray array) {
        ai.djl.ndarray.NDScope.unregister(array);
        return array;
    }
}
