package org.splitscope.capture;

/**
 * What one split-attention block computes between its input and its attention, for one forward on
 * the host, row-major: what the walkthrough shows besides the block's {@link BlockCapture}.
 *
 * @param inputShape X, the split-attention conv's input: [N, C_in, H, W]
 * @param input X itself
 * @param hidden fc1 + BN + ReLU of the GAP: [N, attention channels]; for an ECA block, which has no
 *     hidden layer, its 1-d conv's kernel w: [N, k] (the same row per image)
 * @param logits fc2's output before the r-softmax: [N, R·C], cardinal-major (k, r, c/K)
 */
public record BlockInternals(String name, long[] inputShape, float[] input, float[] hidden, float[] logits) {

    public int hiddenChannels() {
        return hidden.length / (int) inputShape[0];
    }
}
