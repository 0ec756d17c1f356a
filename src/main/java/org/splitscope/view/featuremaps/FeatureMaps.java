package org.splitscope.view.featuremaps;

import org.splitscope.analysis.SplitContributions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.splitscope.capture.BlockCapture;

/**
 * The channel maps of one block: U_r(c) of a split or V(c) of the fused output, each [H, W], and the
 * orders the feature-map grid can show them in.
 */
public final class FeatureMaps {
    /** Stands for the fused output V where a split index is expected. */
    public static final int FUSED = -1;

    public enum Order {
        /** Channel index. */
        CHANNEL,
        /** a_r(c) of the split, largest first (for V: the largest weight over splits). */
        ATTENTION,
        /** Mean activation of the map, largest first. */
        ACTIVATION
    }

    private FeatureMaps() {}

    /** Offset of channel {@code channel} (0 … C-1) of split r (or {@link #FUSED}) in its array. */
    public static int offset(BlockCapture block, int image, int split, int channel) {
        SplitContributions.requireSplits(block);
        int plane = block.height() * block.width();
        return split == FUSED
                ? (image * block.channels() + channel) * plane
                : ((image * block.radix() + split) * block.channels() + channel) * plane;
    }

    /** The array {@link #offset} indexes: U (splits) or V (fused). */
    public static float[] source(BlockCapture block, int split) {
        return split == FUSED ? block.fused() : block.splits();
    }

    /** One [H, W] map, copied. */
    public static float[] map(BlockCapture block, int image, int split, int channel) {
        int plane = block.height() * block.width();
        return Arrays.copyOfRange(source(block, split), offset(block, image, split, channel),
                offset(block, image, split, channel) + plane);
    }

    public static double mean(BlockCapture block, int image, int split, int channel) {
        float[] src = source(block, split);
        int from = offset(block, image, split, channel);
        int plane = block.height() * block.width();
        double sum = 0;
        for (int i = from; i < from + plane; i++) {
            sum += src[i];
        }
        return sum / plane;
    }

    /** The weight shown with a channel's tile: a_r(c), or for V the largest a_r(c) over r. */
    public static double weight(BlockCapture block, int image, int split, int channel) {
        int per = block.groupChannels();
        if (split != FUSED) {
            return block.attention(image, split, channel / per, channel % per);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < block.radix(); r++) {
            best = Math.max(best, block.attention(image, r, channel / per, channel % per));
        }
        return best;
    }

    /**
     * The channels (0 … C-1) of a group (or {@code ALL_GROUPS}) in the given order; ties keep channel order.
     */
    public static int[] channels(BlockCapture block, int image, int split, int group, Order order) {
        int per = block.groupChannels();
        int from = group == SplitContributions.ALL_GROUPS ? 0 : group * per;
        int to = group == SplitContributions.ALL_GROUPS ? block.channels() : from + per;
        double[] key = new double[to - from]; // computed once: a map's mean costs H·W
        for (int c = from; c < to; c++) {
            key[c - from] = switch (order) {
                case CHANNEL -> 0;
                case ATTENTION -> -weight(block, image, split, c);
                case ACTIVATION -> -mean(block, image, split, c);
            };
        }
        Comparator<Integer> by = Comparator.comparingDouble((Integer c) -> key[c - from])
                .thenComparing(Comparator.naturalOrder());
        return IntStream.range(from, to).boxed().sorted(by).mapToInt(Integer::intValue).toArray();
    }
}
