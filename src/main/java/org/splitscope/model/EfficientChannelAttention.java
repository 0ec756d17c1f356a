package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import org.splitscope.model.nn.Conv1d;

/**
 * ECA (module {@code se}, key {@code conv.weight} [1, 1, k]): a = σ(conv1d_k(s)) with s = GAP(X), the
 * conv sliding across the channels, padding (k − 1)/2, no bias.
 */
final class EfficientChannelAttention extends ChannelGate {
    private final int kernel;
    final Conv1d conv;

    EfficientChannelAttention(String block, int channels, int kernel) {
        super(block, channels);
        this.kernel = kernel;
        conv = child("conv", new Conv1d(1, 1, kernel));
    }

    @Override
    Excitation excite(NDArray s) {
        long n = s.getShape().get(0);
        NDArray logits = conv.apply(s.reshape(n, 1, channels));   // [N, 1, C]
        return new Excitation(null, logits.reshape(n, channels));
    }

    /** The kernel w [N, k] (a copy per image, in the forward's manager): what slides across s. */
    @Override
    NDArray hiddenShown(Excitation f, NDArray x) {
        long n = x.getShape().get(0);
        float[] w = conv.weights().toFloatArray();
        float[] rows = new float[(int) n * w.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(w, 0, rows, i * w.length, w.length);
        }
        return x.getManager().create(rows, new ai.djl.ndarray.types.Shape(n, w.length));
    }

    int kernel() {
        return kernel;
    }

    @Override
    void foldBatchNorm() {}
}
