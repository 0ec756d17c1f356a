package org.splitscope.view.compare;

import org.splitscope.analysis.AttentionMatrix;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.capture.BlockCapture;

/**
 * SKNet's scale experiment for split attention: the same image centre-cropped and enlarged by each
 * factor, and per block in depth order the mean attention of every split (over all channels).
 *
 * @param scales e.g. 1.0, 1.5, 2.0
 * @param means [scale][block][split]
 */
public record ScaleProfile(String image, List<Double> scales, List<String> blocks, int radix, double[][][] means,
        org.splitscope.model.AttentionWords words) {

    /** Of split-attention blocks (words from R). */
    public ScaleProfile(String image, List<Double> scales, List<String> blocks, int radix, double[][][] means) {
        this(image, scales, blocks, radix, means, org.splitscope.model.AttentionWords.splat(radix));
    }

    /** The centre-crop factors SKNet uses. */
    public static final List<Double> SKNET = List.of(1.0, 1.5, 2.0);

    /** @param captures per scale, that copy's blocks in depth order */
    public static ScaleProfile of(String image, List<Double> scales, List<List<BlockCapture>> captures) {
        List<BlockCapture> first = captures.get(0);
        List<String> names = new ArrayList<>();
        first.forEach(b -> names.add(b.name()));
        int radix = first.stream().mapToInt(BlockCapture::radix).min().orElse(1);
        double[][][] means = new double[scales.size()][first.size()][];
        for (int s = 0; s < scales.size(); s++) {
            for (int j = 0; j < first.size(); j++) {
                means[s][j] = splitMeans(AttentionMatrix.of(captures.get(s).get(j), 0));
            }
        }
        return new ScaleProfile(image, List.copyOf(scales), List.copyOf(names), radix, means,
                first.isEmpty() ? org.splitscope.model.AttentionWords.splat(radix) : first.get(0).words());
    }

    private static double[] splitMeans(AttentionMatrix m) {
        double[] out = new double[m.radix()];
        int per = m.cardinality() * m.groupChannels();
        for (int r = 0; r < m.radix(); r++) {
            for (int i = 0; i < per; i++) {
                out[r] += m.weights()[r * per + i] / per;
            }
        }
        return out;
    }
}
