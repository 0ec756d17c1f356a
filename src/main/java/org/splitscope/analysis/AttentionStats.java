package org.splitscope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitscope.capture.BlockCapture;

/** Summaries of a block's attention a_r(k, c) for the split bar charts. */
public final class AttentionStats {
    private AttentionStats() {}

    /** a_r(k, c) for c = 0 … C/K-1 of one split and group; over all C channels for {@code ALL_GROUPS}. */
    public static float[] weights(BlockCapture block, int image, int split, int group) {
        int per = block.groupChannels();
        if (group == SplitContributions.ALL_GROUPS) {
            float[] all = new float[block.channels()];
            for (int k = 0; k < block.cardinality(); k++) {
                System.arraycopy(weights(block, image, split, k), 0, all, k * per, per);
            }
            return all;
        }
        float[] out = new float[per];
        int base = ((image * block.radix() + split) * block.cardinality() + group) * per;
        System.arraycopy(block.attention(), base, out, 0, per);
        return out;
    }

    /** One entry per split r = 0 … R-1, over the channels of the group (or all groups). */
    public static List<SplitStats> perSplit(BlockCapture block, int image, int group) {
        List<SplitStats> out = new ArrayList<>(block.radix());
        for (int r = 0; r < block.radix(); r++) {
            out.add(of(r, weights(block, image, r, group)));
        }
        return out;
    }

    static SplitStats of(int split, float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (float v : sorted) {
            sum += v;
        }
        int n = sorted.length;
        return new SplitStats(split, n, sum / n, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted[n - 1]);
    }

    /** Linear interpolation between closest ranks (numpy's default). */
    static double quantile(float[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
