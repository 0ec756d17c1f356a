package org.splitscope.figure;

import java.util.List;
import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.analysis.ChannelValue;
import org.splitscope.view.heatmaps.ContributionMaps;
import org.splitscope.view.featuremaps.FeatureMapGrid;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.view.gap.GapHistograms;
import org.splitscope.view.gap.GapSummary;
import org.splitscope.view.splitbars.SplitBars;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.analysis.SplitStats;
import org.splitscope.render.Raster;

/** Hand-made data records: figures drawn from them do not depend on a network or a checkpoint. */
public final class Records {
    private Records() {}

    /** R = 2, K = 2, C/K = 6: weight(k, r, c) = r == 0 ? p : 1 − p with p running over the channels. */
    public static AttentionMatrix matrix() {
        int radix = 2;
        int groups = 2;
        int per = 6;
        float[] w = new float[radix * groups * per];
        for (int k = 0; k < groups; k++) {
            for (int c = 0; c < per; c++) {
                float p = (c + 1f + k * per) / (groups * per + 1f);
                w[(0 * groups + k) * per + c] = p;
                w[(1 * groups + k) * per + c] = 1 - p;
            }
        }
        return new AttentionMatrix("layer2.0", radix, groups, groups * per, w);
    }

    public static ContributionMaps maps() {
        float[][] maps = new float[2][16];
        for (int i = 0; i < 16; i++) {
            maps[0][i] = i;
            maps[1][i] = 15 - i;
        }
        return new ContributionMaps("layer2.0", 2, SplitContributions.ALL_GROUPS, 4, 4, maps);
    }

    public static Raster input() {
        int[] argb = new int[8 * 8];
        for (int i = 0; i < argb.length; i++) {
            int v = (i * 4) & 0xFF;
            argb[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        return new Raster(8, 8, argb);
    }

    public static SplitBars bars() {
        List<SplitStats> g0 = List.of(new SplitStats(0, 6, 0.6, 0.4, 0.5, 0.6, 0.7, 0.8),
                new SplitStats(1, 6, 0.4, 0.2, 0.3, 0.4, 0.5, 0.6));
        List<SplitStats> g1 = List.of(new SplitStats(0, 6, 0.3, 0.1, 0.2, 0.3, 0.4, 0.5),
                new SplitStats(1, 6, 0.7, 0.5, 0.6, 0.7, 0.8, 0.9));
        return new SplitBars("layer2.0", 2, List.of(g0, g1), List.of(
                new SplitBars.BlockBars("layer1.0", 2, new double[] {0.5, 0.5}, 0.99),
                new SplitBars.BlockBars("layer2.0", 2, new double[] {0.45, 0.55}, 0.9),
                new SplitBars.BlockBars("layer3.0", 2, new double[] {0.2, 0.8}, 0.6)));
    }

    public static GapHistograms gap() {
        GapSummary a = new GapSummary(0, 6, 1.0, 0.5, 0.2, 2.0, 0.2, 0.45, new int[] {1, 2, 2, 1},
                List.of(new ChannelValue(3, 2.0), new ChannelValue(1, 1.5)));
        GapSummary b = new GapSummary(1, 6, 2.0, 0.8, 0.5, 3.0, 0.5, 0.625, new int[] {2, 1, 0, 3},
                List.of(new ChannelValue(5, 3.0)));
        return new GapHistograms("layer2.0", List.of(a, b), 0.2, 3.0);
    }

    public static FeatureMapGrid grid() {
        List<FeatureMapGrid.Tile> tiles = new java.util.ArrayList<>();
        for (int c = 0; c < 6; c++) {
            float[] v = new float[9];
            for (int i = 0; i < 9; i++) {
                v[i] = c == 5 ? 0 : (i * (c + 1)) % 7;
            }
            double min = c == 5 ? 0 : 0;
            double max = c == 5 ? 0 : 6;
            tiles.add(new FeatureMapGrid.Tile(c, c / 3, v, min, max, 0.5 + c * 0.05, 3));
        }
        return new FeatureMapGrid("layer2.0", 2, 2, 6, 0, SplitContributions.ALL_GROUPS, 3, 3,
                FeatureMaps.Order.CHANNEL, tiles, 6);
    }
}
