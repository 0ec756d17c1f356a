package org.splitscope.view.gap;

import org.splitscope.analysis.ChannelValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.splitscope.capture.BlockCapture;

/** Statistics of s^k for the GAP view. */
public final class GapStatistics {
    private GapStatistics() {}

    /** s^k of one image and group: C/K values. */
    public static float[] values(BlockCapture block, int image, int group) {
        int per = block.groupChannels();
        float[] out = new float[per];
        System.arraycopy(block.gap(), (image * block.cardinality() + group) * per, out, 0, per);
        return out;
    }

    /**
     * @param bins histogram bins over [min, max] of the values (one bin of width 1 when they are all equal)
     * @param topK how many of the largest channels to list
     */
    public static GapSummary summarize(BlockCapture block, int image, int group, int bins, int topK) {
        float[] s = values(block, image, group);
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : s) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / s.length;
        double squares = 0;
        for (float v : s) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / s.length); // population std: these are all the channels
        double width = max > min ? (max - min) / bins : 1;
        int[] counts = new int[bins];
        for (float v : s) {
            counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
        }
        List<ChannelValue> top = new ArrayList<>();
        IntStream.range(0, s.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -s[c]).thenComparing(c -> c))
                .limit(topK)
                .forEach(c -> top.add(new ChannelValue(c, s[c])));
        return new GapSummary(group, s.length, mean, std, min, max, min, width, counts, top);
    }
}
