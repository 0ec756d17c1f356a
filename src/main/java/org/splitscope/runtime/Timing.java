package org.splitscope.runtime;

import java.util.Arrays;

/** How speed figures are summarised everywhere (bench, model cards, ablation): medians. */
public final class Timing {
    private Timing() {}

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
