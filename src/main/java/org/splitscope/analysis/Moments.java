package org.splitscope.analysis;

/**
 * Count, mean and sum of squared deviations of a vector of values over many observations, kept in
 * double precision and updated one observation at a time (Welford); two are merged exactly with
 * Chan et al.'s parallel formula, so shards, batches and threads combine into the statistics of one
 * pass. Nothing per observation is kept.
 */
public final class Moments {
    private long count;
    private final double[] mean;
    private final double[] m2;

    public Moments(int size) {
        this(0, new double[size], new double[size]);
    }

    public Moments(long count, double[] mean, double[] m2) {
        if (mean.length != m2.length || count < 0) {
            throw new IllegalArgumentException("moments of " + mean.length + " and " + m2.length + " values");
        }
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    /** From a stored mean and population standard deviation (as stats.npz holds them). */
    public static Moments ofMeanStd(long count, double[] mean, double[] std) {
        double[] m2 = new double[std.length];
        for (int i = 0; i < std.length; i++) {
            m2[i] = std[i] * std[i] * count;
        }
        return new Moments(count, mean.clone(), m2);
    }

    /** One observation: {@code values[offset … offset + size)}. */
    public void add(float[] values, int offset) {
        count++;
        for (int i = 0; i < mean.length; i++) {
            double x = values[offset + i];
            double delta = x - mean[i];
            mean[i] += delta / count;
            m2[i] += delta * (x - mean[i]);
        }
    }

    /** Adds everything {@code other} has seen (Chan et al.). */
    public void merge(Moments other) {
        if (other.mean.length != mean.length) {
            throw new IllegalArgumentException("merging moments of " + other.mean.length + " values into " + mean.length);
        }
        if (other.count == 0) {
            return;
        }
        long n = count + other.count;
        for (int i = 0; i < mean.length; i++) {
            double delta = other.mean[i] - mean[i];
            mean[i] += delta * other.count / n;
            m2[i] += other.m2[i] + delta * delta * count / n * other.count;
        }
        count = n;
    }

    public long count() {
        return count;
    }

    public int size() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    /** Population standard deviation (divided by n, as numpy's default); zeros before any observation. */
    public double[] std() {
        double[] s = new double[m2.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = count == 0 ? 0 : Math.sqrt(Math.max(0, m2[i] / count));
        }
        return s;
    }
}
