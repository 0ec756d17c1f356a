package org.splitscope.view.walkthrough;

import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.view.featuremaps.FeatureMaps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.BlockInternals;

/**
 * One split-attention block, one image, one channel c (0 … C−1, c = k·C/K + j) followed through the
 * block: what the walkthrough draws at every stage.
 *
 * @param inputShape X: [1, C_in, H, W]
 * @param height H′ of the split maps (and of V, before a strided block's avd pool)
 * @param gap s for every channel: [C]
 * @param hidden fc1 + BN + ReLU: [attention channels]; for ECA (no hidden layer) its 1-d conv's kernel w [k]
 * @param logits fc2's output for channel c, one per split r
 * @param weights a_r(c), one per split r
 * @param shown the channels of c's group drawn as thumbnails (c among them)
 * @param input X maps of its first few channels: [inputChannels][H·W]
 * @param splits U_r maps of {@code shown}: [R][shown][H′·W′]
 * @param sum Û = Σ_r U_r maps of {@code shown}: [shown][H′·W′]
 * @param fused V maps of {@code shown}: [shown][H′·W′]
 * @param groupFused V maps of the first channel of every cardinal group: [K][H′·W′]
 */
public record Walkthrough(String block, int radix, int cardinality, int channels, int channel, long[] inputShape,
        int height, int width, float[] gap, float[] hidden, float[] logits, float[] weights, AttentionMatrix attention,
        int[] shown, float[][] input, float[][][] splits, float[][] sum, float[][] fused, float[][] groupFused,
        List<Index> layout) {

    /** Thumbnails per stage: c and its neighbours in the group. */
    public static final int THUMBNAILS = 4;

    /**
     * Where split r's number for channel c sits: fc2 writes it cardinal-major at {@code logit} of
     * its flat [R·C] output, the attention keeps it radix-major at {@code attention} of [R, K, C/K],
     * and it weighs conv channel {@code splitChannel} (U_r is a radix-major slice of the conv).
     */
    public record Index(int split, int logit, int attention, int splitChannel) {}

    /** @param b the block's capture with its split maps; {@code inner} from the same forward */
    public static Walkthrough of(BlockCapture b, BlockInternals inner, int image, int channel) {
        if (!b.hasSplits()) {
            throw new IllegalArgumentException(b.name() + ": the walkthrough needs the block's split maps");
        }
        if (channel < 0 || channel >= b.channels()) {
            throw new IllegalArgumentException("channel " + channel + " is not in 0 … " + (b.channels() - 1)
                    + " (C = " + b.channels() + " in " + b.name() + ")");
        }
        int radix = b.radix();
        int c = b.channels();
        int per = b.groupChannels();
        int k = channel / per;
        int j = channel % per;
        int plane = b.height() * b.width();

        float[] gap = Arrays.copyOfRange(b.gap(), image * c, (image + 1) * c);
        int hiddenChannels = inner.hiddenChannels();
        float[] hidden = Arrays.copyOfRange(inner.hidden(), image * hiddenChannels, (image + 1) * hiddenChannels);
        float[] logits = new float[radix];
        float[] weights = new float[radix];
        List<Index> layout = new ArrayList<>();
        for (int r = 0; r < radix; r++) {
            Index at = index(radix, b.cardinality(), per, k, r, j);
            layout.add(at);
            logits[r] = inner.logits()[image * radix * c + at.logit()];
            weights[r] = b.attention(image, r, k, j);
        }

        int[] shown = neighbours(j, per, k);
        float[][][] splits = new float[radix][shown.length][];
        float[][] sum = new float[shown.length][plane];
        float[][] fused = new float[shown.length][];
        for (int t = 0; t < shown.length; t++) {
            for (int r = 0; r < radix; r++) {
                splits[r][t] = FeatureMaps.map(b, image, r, shown[t]);
                for (int i = 0; i < plane; i++) {
                    sum[t][i] += splits[r][t][i];
                }
            }
            fused[t] = FeatureMaps.map(b, image, FeatureMaps.FUSED, shown[t]);
        }
        float[][] groupFused = new float[b.cardinality()][];
        for (int g = 0; g < b.cardinality(); g++) {
            groupFused[g] = FeatureMaps.map(b, image, FeatureMaps.FUSED, g == k ? channel : g * per);
        }

        long[] shape = inner.inputShape();
        int inPlane = (int) (shape[2] * shape[3]);
        int inShown = (int) Math.min(THUMBNAILS, shape[1]);
        float[][] input = new float[inShown][];
        for (int t = 0; t < inShown; t++) {
            int from = (int) ((image * shape[1] + t) * inPlane);
            input[t] = Arrays.copyOfRange(inner.input(), from, from + inPlane);
        }
        return new Walkthrough(b.name(), radix, b.cardinality(), c, channel,
                new long[] {1, shape[1], shape[2], shape[3]}, b.height(), b.width(), gap, hidden, logits, weights,
                AttentionMatrix.of(b, image), shown, input, splits, sum, fused, groupFused, List.copyOf(layout));
    }

    /**
     * Split r of channel j of group k: fc2's grouped output is (K, R, C/K) flattened, the r-softmax
     * output (R, K, C/K), U_r the r-th C-channel slice of the conv.
     */
    public static Index index(int radix, int cardinality, int per, int k, int r, int j) {
        int c = cardinality * per;
        return new Index(r, (k * radix + r) * per + j, (r * cardinality + k) * per + j, r * c + k * per + j);
    }

    /** c's position in its group and the next ones after it (wrapping), at most {@link #THUMBNAILS}. */
    private static int[] neighbours(int j, int per, int k) {
        int n = Math.min(THUMBNAILS, per);
        int[] out = new int[n];
        for (int t = 0; t < n; t++) {
            out[t] = k * per + (j + t) % per;
        }
        return out;
    }

    public int groupChannels() {
        return channels / cardinality;
    }

    /** k, the cardinal group of the chosen channel. */
    public int group() {
        return channel / groupChannels();
    }

    /** j, the chosen channel's place within its group. */
    public int inGroup() {
        return channel % groupChannels();
    }

    /** s_c. */
    public float gapValue() {
        return gap[channel];
    }

    public int hiddenChannels() {
        return hidden.length;
    }

    /** An ECA block: {@link #hidden} is the 1-d conv's kernel, and the logit of c comes from {@link #window}. */
    public boolean eca() {
        return attention.words().mechanism() == org.splitscope.model.Mechanism.ECA;
    }

    /**
     * ECA: the k values of s the 1-d conv weighs for channel c, s_{c+j−(k−1)/2} for j = 0 … k−1, zero
     * beyond the ends (the conv's padding); l(c) = Σ_j w_j · window_j.
     */
    public float[] window() {
        int k = hidden.length;
        float[] out = new float[k];
        for (int j = 0; j < k; j++) {
            int at = channel + j - (k - 1) / 2;
            out[j] = at >= 0 && at < channels ? gap[at] : 0f;
        }
        return out;
    }

    /** V's channel c (the first thumbnail). */
    public float[] fusedChannel() {
        return fused[0];
    }

    /** Split maps' shape: [1, C, H′, W′]. */
    public long[] mapShape() {
        return new long[] {1, channels, height, width};
    }
}
