package org.splitscope.view.dataset;

import org.splitscope.analysis.Moments;
import java.util.ArrayList;
import java.util.List;

/**
 * At one block, each group's mean attention per split over its images and channels, with the spread
 * within the group: the per-channel population std over the group's images, averaged over channels
 * (SENet's within-class "mean ± std", per split).
 *
 * @param rows the all-images row first, then one per chosen group
 */
public record GroupShares(String block, int radix, List<Row> rows) {

    /** @param group index into the statistics' groups, −1 for all images */
    public record Row(int group, String name, long images, double[] mean, double[] std) {}

    public static GroupShares of(DatasetStats s, int block, List<Integer> groups) {
        DatasetStats.Block b = s.blocks().get(block);
        List<Row> rows = new ArrayList<>();
        rows.add(row(b, -1, "all images", s.total(), s.allAttention(block)));
        for (int g : groups) {
            rows.add(row(b, g, s.groups().get(g), s.count(g), s.attention(g, block)));
        }
        return new GroupShares(b.name(), b.radix(), rows);
    }

    private static Row row(DatasetStats.Block b, int group, String name, long images, Moments m) {
        int per = b.cardinality() * b.groupChannels();
        double[] meanOf = m.mean();
        double[] stdOf = m.std();
        double[] mean = new double[b.radix()];
        double[] std = new double[b.radix()];
        for (int r = 0; r < b.radix(); r++) {
            for (int c = 0; c < per; c++) {
                mean[r] += meanOf[r * per + c] / per;
                std[r] += stdOf[r * per + c] / per;
            }
        }
        return new Row(group, name, images, mean, std);
    }

    /** The largest mean + std: the end of a shared value axis. */
    public double max() {
        double max = 0;
        for (Row row : rows) {
            for (int r = 0; r < radix; r++) {
                max = Math.max(max, row.mean()[r] + row.std()[r]);
            }
        }
        return max;
    }
}
