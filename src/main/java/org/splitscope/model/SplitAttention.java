package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;
import org.splitscope.model.nn.Module;

/**
 * The Split-Attention conv (module {@code conv2} of a bottleneck with radix ≥ 1; keys conv, bn0,
 * fc1, bn1, fc2). One grouped 3×3 conv makes R splits of K cardinal groups; their sum is pooled to
 * s^k, turned by fc1/fc2 into per-channel weights over the splits, and the splits are summed with
 * those weights.
 */
public final class SplitAttention extends Module {
    private final String block;
    private final int radix;
    private final int cardinality;
    private final int channels;
    final Conv conv;
    final BatchNorm2d bn0;
    final Conv fc1;
    final BatchNorm2d bn1;
    final Conv fc2;

    /**
     * @param block the owning bottleneck's module path, used as the capture name
     * @param channels C, the output channels (K groups of C/K)
     */
    SplitAttention(String block, int in, int channels, int stride, int radix, int cardinality) {
        this.block = block;
        this.radix = radix;
        this.cardinality = cardinality;
        this.channels = channels;
        int attentionChannels = Math.max(in * radix / 4, 32);
        conv = child("conv", new Conv(in, channels * radix, 3, stride, 1, cardinality * radix, false));
        bn0 = child("bn0", new BatchNorm2d(channels * radix));
        fc1 = child("fc1", new Conv(channels, attentionChannels, 1, 1, 0, cardinality, true));
        bn1 = child("bn1", new BatchNorm2d(attentionChannels));
        fc2 = child("fc2", new Conv(attentionChannels, channels * radix, 1, 1, 0, cardinality, true));
    }

    NDArray apply(NDArray x, CaptureSink sink) {
        long n = x.getShape().get(0);
        NDArray u = Activation.relu(bn0.apply(conv.apply(x)));               // [N, R·C, H, W]
        NDList splits = u.split(radix, 1);                                   // R × [N, C, H, W]: U_r (views)
        NDArray gap = Pool.globalAvgPool2d(sum(splits)).reshape(n, channels); // s = GAP(Σ_r U_r): [N, C]
        NDArray z = Activation.relu(bn1.apply(fc1.applyToVector(gap)));      // [N, attn]
        NDArray logits = fc2.applyToVector(z);                               // [N, R·C], cardinal-major
        NDArray attention = rSoftmax(logits, n);                             // [N, R, K, C/K]
        // forced a, if any: replaced before V is formed so the block and all after it see the intervention
        attention = sink.intervene(block, attention);
        NDList weights = attention.reshape(n, radix * channels).split(radix, 1); // R × [N, C]: a_r, radix-major
        NDArray fused = splits.get(0).mul(weights.get(0).reshape(n, channels, 1, 1));
        for (int r = 1; r < radix; r++) {                                    // V = Σ_r a_r ⊙ U_r: [N, C, H, W]
            fused.addi(splits.get(r).mul(weights.get(r).reshape(n, channels, 1, 1)));
        }

        sink.attention(block, attention, gap.reshape(n, cardinality, channels / cardinality));
        if (sink.wantsSplits(block)) {
            long h = u.getShape().get(2);
            long w = u.getShape().get(3);
            sink.splits(block, u.reshape(n, radix, channels, h, w), fused);  // [N, R, C, H, W]
        }
        if (sink.wantsInternals(block)) {
            sink.internals(block, x, z, logits);                             // the walkthrough's X, fc1, fc2
        }
        return fused;
    }

    /**
     * Element-wise sum of the splits. Adding views one by one keeps a channels-last layout, where a
     * reduction over a reshaped radix axis would be about 10× slower. Not duplicate() + addi: DJL's
     * duplicate detaches from autograd, and no gradient would reach U through the GAP.
     */
    private static NDArray sum(NDList splits) {
        if (splits.size() == 1) {
            return splits.get(0);
        }
        NDArray total = splits.get(0).add(splits.get(1));
        for (int r = 2; r < splits.size(); r++) {
            total.addi(splits.get(r));
        }
        return total;
    }

    /**
     * fc2's output is cardinal-major, viewed (N, K, R, C/K); the weights are normalised over R and
     * used radix-major, (N, R, K, C/K). A single split gets a sigmoid gate instead.
     */
    private NDArray rSoftmax(NDArray logits, long n) {
        int perGroup = channels / cardinality;
        if (radix == 1) {
            return Activation.sigmoid(logits.reshape(n, 1, cardinality, perGroup));
        }
        return logits.reshape(n, cardinality, radix, perGroup)                // [N, K, R, C/K]
                .transpose(0, 2, 1, 3)                                       // [N, R, K, C/K]
                .softmax(1);
    }

    /** Inference: fold bn0 into conv and bn1 into fc1; fc1 and fc2 become matrices. */
    void foldBatchNorm() {
        conv.fold(bn0);
        fc1.fold(bn1);
        fc1.useMatrix();
        fc2.useMatrix();
    }
}
