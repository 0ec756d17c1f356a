package org.splitscope.analysis;

/**
 * The attention one split gets over the channels of one cardinal group: its mean (the bar) and
 * min, quartiles and max (the whiskers).
 */
public record SplitStats(int split, int channels, double mean, double min, double q1, double median, double q3,
        double max) {}
