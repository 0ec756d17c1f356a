package org.splitscope.view.gap;

import org.splitscope.analysis.ChannelValue;
import java.util.List;

/**
 * The GAP vector s^k of one cardinal group (the pooled sum of its splits, what fc1 sees): its
 * distribution over the C/K channels and the channels with the largest values.
 *
 * @param counts histogram counts of {@code counts.length} equal bins from {@code binStart}
 * @param top channels by value, largest first
 */
public record GapSummary(int group, int channels, double mean, double std, double min, double max,
        double binStart, double binWidth, int[] counts, List<ChannelValue> top) {

    public double binEnd(int bin) {
        return binStart + (bin + 1) * binWidth;
    }
}
