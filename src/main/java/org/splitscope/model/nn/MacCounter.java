package org.splitscope.model.nn;

import java.util.function.Supplier;

/**
 * Counts multiply-accumulates of convs and linear layers during one forward, so that MFLOPs
 * figures come from the network that runs rather than from a second description of it.
 */
public final class MacCounter {
    private static final ThreadLocal<long[]> COUNT = new ThreadLocal<>();

    private MacCounter() {}

    /** Runs {@code forward} and returns the MACs counted per image of a batch of {@code batch}. */
    public static long count(int batch, Supplier<?> forward) {
        COUNT.set(new long[1]);
        try {
            forward.get();
            return COUNT.get()[0] / batch;
        } finally {
            COUNT.remove();
        }
    }

    static void add(long macs) {
        long[] count = COUNT.get();
        if (count != null) {
            count[0] += macs;
        }
    }
}
