package org.splitscope.analysis;

import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.view.gap.GapStatistics;
import org.splitscope.view.gap.GapSummary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.capture.BlockCapture;

class AnalysisTest {
    private final BlockCapture block = Blocks.r2k2();

    @Test
    void splitContributionIsTheAttentionWeightedChannelSum() {
        // Image 0, split 0, group 0: 0.9·1 + 0.6·2 = 2.1 at pixel 0, twice that at pixel 1.
        assertArrayEquals(new float[] {2.1f, 4.2f}, SplitContributions.map(block, 0, 0, 0), 1e-5f);
        // Split 1, group 1 (channels 2, 3): 0.5·2·3 + 0.8·2·4 = 9.4.
        assertArrayEquals(new float[] {9.4f, 18.8f}, SplitContributions.map(block, 0, 1, 1), 1e-5f);
        // Over all splits and groups the maps add up to Σ_c V(c).
        float[][] all = SplitContributions.all(block, 1, SplitContributions.ALL_GROUPS);
        float total = 0;
        for (int c = 0; c < 4; c++) {
            total += block.fused()[(4 + c) * 2];
        }
        assertEquals(total, all[0][0] + all[1][0], 1e-4f);
    }

    @Test
    void withoutSplitMapsThereIsNoContribution() {
        BlockCapture bare = new BlockCapture("b", 2, 1, 2, new float[4], new float[2], null, null, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> SplitContributions.map(bare, 0, 0, 0));
    }

    @Test
    void statsPerSplitOverTheChannelsOfAGroup() {
        List<SplitStats> stats = AttentionStats.perSplit(block, 0, 0);
        assertEquals(2, stats.size());
        assertEquals(0.75, stats.get(0).mean(), 1e-6);
        assertEquals(0.6, stats.get(0).min(), 1e-6);
        assertEquals(0.9, stats.get(0).max(), 1e-6);
        assertEquals(0.675, stats.get(0).q1(), 1e-6);
        assertEquals(0.825, stats.get(0).q3(), 1e-6);
        assertEquals(0.25, stats.get(1).mean(), 1e-6);
        assertArrayEquals(new float[] {0.9f, 0.6f, 0.5f, 0.2f}, AttentionStats.weights(block, 0, 0, -1));
    }

    @Test
    void entropyIsOneForUniformAndLowerForDecidedAttention() {
        double h = AttentionEntropy.normalized(block, 1);
        double expected = -(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2)) / Math.log(2);
        assertEquals(expected, h, 1e-6);
        float[] uniform = new float[8];
        java.util.Arrays.fill(uniform, 0.25f);
        BlockCapture four = new BlockCapture("b", 4, 1, 2, uniform, new float[2], null, null, 0, 0);
        assertEquals(1, AttentionEntropy.normalized(four, 0), 1e-6);
        BlockCapture gate = new BlockCapture("b", 1, 1, 2, new float[] {0.5f, 1f}, new float[2], null, null, 0, 0);
        assertEquals(0.5, AttentionEntropy.normalized(gate, 0), 1e-6);
    }

    @Test
    void gapSummary() {
        // Image 1, group 1: s = [6, 7].
        GapSummary s = GapStatistics.summarize(block, 1, 1, 4, 1);
        assertEquals(6.5, s.mean(), 1e-9);
        assertEquals(0.5, s.std(), 1e-9);
        assertEquals(7, s.max(), 1e-9);
        assertArrayEquals(new int[] {1, 0, 0, 1}, s.counts());
        assertEquals(List.of(new ChannelValue(1, 7)), s.top());
        assertEquals(7, s.binEnd(3), 1e-9);
    }

    @Test
    void featureMapsAndTheirOrders() {
        assertArrayEquals(new float[] {3, 6}, FeatureMaps.map(block, 0, 0, 2));
        assertArrayEquals(new float[] {block.fused()[2], block.fused()[3]}, FeatureMaps.map(block, 0, FeatureMaps.FUSED, 1));
        assertArrayEquals(new int[] {0, 1}, FeatureMaps.channels(block, 0, 0, 0, FeatureMaps.Order.ATTENTION));
        assertArrayEquals(new int[] {3, 2}, FeatureMaps.channels(block, 0, 1, 1, FeatureMaps.Order.ATTENTION));
        assertArrayEquals(new int[] {3, 2, 1, 0}, FeatureMaps.channels(block, 0, 0, -1, FeatureMaps.Order.ACTIVATION));
        assertArrayEquals(new int[] {2, 3}, FeatureMaps.channels(block, 0, 0, 1, FeatureMaps.Order.CHANNEL));
        assertEquals(0.8, FeatureMaps.weight(block, 0, FeatureMaps.FUSED, 3), 1e-6);
    }
}
