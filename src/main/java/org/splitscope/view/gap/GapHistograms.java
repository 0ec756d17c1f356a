package org.splitscope.view.gap;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.capture.BlockCapture;
import org.splitscope.model.AttentionWords;

/**
 * The GAP statistics of one block: per cardinal group the histogram and summary of s^k.
 *
 * @param min the smallest value over all groups (the groups' histograms share one value axis)
 * @param max the largest
 */
public record GapHistograms(String block, List<GapSummary> groups, double min, double max, AttentionWords words) {
    /** How many of the largest channels each group lists. */
    public static final int TOP = 8;

    public GapHistograms {
        groups = List.copyOf(groups);
    }

    /** A split-attention block's histograms. */
    public GapHistograms(String block, List<GapSummary> groups, double min, double max) {
        this(block, groups, min, max, AttentionWords.splat(2));
    }

    public static GapHistograms of(BlockCapture b, int image, int bins) {
        List<GapSummary> groups = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < b.cardinality(); k++) {
            GapSummary s = GapStatistics.summarize(b, image, k, Math.max(1, bins), TOP);
            groups.add(s);
            min = Math.min(min, s.binStart());
            max = Math.max(max, s.binEnd(s.counts().length - 1));
        }
        return new GapHistograms(b.name(), groups, min, max, b.words());
    }
}
