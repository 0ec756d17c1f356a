package org.splitscope.view.compare;

import org.splitscope.analysis.AttentionMatrix;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.capture.BlockCapture;

/**
 * Two images through the same network: the selected block's attention of each, their difference
 * a(B) − a(A), and per block in depth order the mean |Δa| over all weights.
 *
 * @param blocks the split-attention blocks in depth order; {@code distance} follows them
 */
public record AttentionComparison(String first, String second, AttentionMatrix a, AttentionMatrix b,
        AttentionMatrix difference, List<String> blocks, double[] distance) {

    /** @param block the block whose matrices are compared */
    public static AttentionComparison of(String first, List<BlockCapture> a, String second, List<BlockCapture> b,
            String block) {
        List<String> names = new ArrayList<>();
        double[] distance = new double[a.size()];
        AttentionMatrix ma = null;
        AttentionMatrix mb = null;
        for (int j = 0; j < a.size(); j++) {
            BlockCapture x = a.get(j);
            BlockCapture y = b.get(j);
            if (!x.name().equals(y.name())) {
                throw new IllegalArgumentException("the captures are of different networks");
            }
            names.add(x.name());
            float[] wa = AttentionMatrix.of(x, 0).weights();
            float[] wb = AttentionMatrix.of(y, 0).weights();
            for (int i = 0; i < wa.length; i++) {
                distance[j] += Math.abs(wb[i] - wa[i]) / wa.length;
            }
            if (x.name().equals(block)) {
                ma = AttentionMatrix.of(x, 0);
                mb = AttentionMatrix.of(y, 0);
            }
        }
        if (ma == null) {
            throw new IllegalArgumentException("no block " + block);
        }
        float[] d = new float[ma.weights().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = mb.weights()[i] - ma.weights()[i];
        }
        AttentionMatrix diff = new AttentionMatrix(ma.block(), ma.radix(), ma.cardinality(), ma.channels(), d,
                ma.words());
        return new AttentionComparison(first, second, ma, mb, diff, List.copyOf(names), distance);
    }
}
