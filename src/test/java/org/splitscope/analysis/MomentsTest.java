package org.splitscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentsTest {
    @Test
    void streamedAndMergedMomentsEqualTwoPassStatistics() {
        Random random = new Random(5);
        int n = 1_000;
        float[] x = new float[n * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (1e3 + random.nextGaussian()); // a large offset: naive sums of squares lose digits
        }
        Moments all = new Moments(3);
        Moments a = new Moments(3);
        Moments b = new Moments(3);
        for (int i = 0; i < n; i++) {
            all.add(x, i * 3);
            (i < 300 ? a : b).add(x, i * 3);
        }
        a.merge(b);
        a.merge(new Moments(3)); // an empty shard changes nothing
        for (int k = 0; k < 3; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * 3 + k];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += Math.pow(x[i * 3 + k] - mean, 2);
            }
            assertEquals(mean, all.mean()[k], 1e-10);
            assertEquals(Math.sqrt(var / n), all.std()[k], 1e-10);
        }
        assertEquals(n, a.count());
        assertArrayEquals(all.mean(), a.mean(), 1e-10);
        assertArrayEquals(all.std(), a.std(), 1e-10);
        Moments back = Moments.ofMeanStd(a.count(), a.mean(), a.std());
        back.merge(b);
        assertEquals(n + b.count(), back.count());
    }
}
