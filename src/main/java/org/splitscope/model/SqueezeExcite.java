package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;

/**
 * Squeeze-and-excitation (module {@code se}, in the SENet release {@code se_module}; keys fc1, optional
 * bn, fc2): a = σ(fc2(ReLU(bn(fc1(s))))) with s = GAP(X).
 */
final class SqueezeExcite extends ChannelGate {
    final Conv fc1;
    final BatchNorm2d bn; // null: none (timm's default Identity)
    final Conv fc2;

    SqueezeExcite(String block, int channels, int reduced, boolean norm) {
        super(block, channels);
        fc1 = child("fc1", new Conv(channels, reduced, 1, 1, 0, 1, true));
        bn = norm ? child("bn", new BatchNorm2d(reduced)) : null;
        fc2 = child("fc2", new Conv(reduced, channels, 1, 1, 0, 1, true));
    }

    @Override
    Excitation excite(NDArray s) {
        NDArray z = fc1.applyToVector(s);                  // [N, C/r]
        z = Activation.relu(bn == null ? z : bn.apply(z));
        NDArray logits = fc2.applyToVector(z);             // [N, C]
        return new Excitation(z, logits);
    }

    /** Inference: bn into fc1; fc1 and fc2 become matrices. */
    @Override
    void foldBatchNorm() {
        if (bn != null) {
            fc1.fold(bn);
        }
        fc1.useMatrix();
        fc2.useMatrix();
    }
}
