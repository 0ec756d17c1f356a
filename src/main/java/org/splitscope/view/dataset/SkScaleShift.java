package org.splitscope.view.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SKNet's selection figure (Li et al. 2019) from analyze runs at several object scales: per SK block
 * (the last of each stage: SK_2_3, SK_3_4, SK_4_6, SK_5_3 in SKNet-50) and per class, the mean over
 * the class's images and over channels of a_large(c) − a_small(c) — the attention of the path with
 * the larger receptive field (a 3×3 dilation 2 stands for 5×5) minus the smaller — at each scale.
 * The mean of per-image differences is the difference of the stored per-class means, exactly.
 *
 * @param scales the enlargement factors, increasing
 * @param groups the classes shown, in order
 */
public record SkScaleShift(List<Double> scales, List<String> groups, List<Panel> panels) {

    /**
     * @param larger the larger path's kernel in words ("3×3 dilation 2"), smaller likewise
     * @param byGroup [scale][group]: the class's mean difference
     * @param all [scale]: over all images
     */
    public record Panel(String block, String larger, String smaller, double[][] byGroup, double[] all) {}

    /** 1 → "1", 1.5 → "1.5". */
    public static String label(double scale) {
        return java.math.BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
    }

    /** "1×, 1.5×, 2×". */
    public static String words(List<Double> scales) {
        return String.join(", ", scales.stream().map(s -> label(s) + "×").toList());
    }

    /** A path's receptive field along one side: dilation · (kernel − 1) + 1. */
    public static int extent(int[] path) {
        return path[1] * (path[0] - 1) + 1;
    }

    /** "3×3" or "3×3 dilation 2", as the views word SK paths. */
    public static String words(int[] path) {
        return org.splitscope.model.AttentionWords.kernel(path[0], path[1]);
    }

    /** The statistics at one scale, read when asked for (a run of a large data set is big). */
    public interface Runs<E extends Exception> {
        DatasetStats at(int scale) throws E;
    }

    /**
     * @param runs per scale index, the statistics of that scale's run (same groups and blocks); each
     *     asked for once
     * @param paths per SK block name, each path's {kernel, dilation} in path order
     * @param groups indices into the groups
     * @throws IllegalArgumentException where no block is an SK block, or an SK block's paths are all alike
     */
    public static <E extends Exception> SkScaleShift of(List<Double> scales, Runs<E> runs, Map<String, int[][]> paths,
            List<Integer> groups) throws E {
        DatasetStats first = runs.at(0);
        List<Integer> sk = new ArrayList<>();
        for (int j = 0; j < first.blocks().size(); j++) {
            if (paths.containsKey(first.blocks().get(j).name())) {
                sk.add(j);
            }
        }
        if (sk.isEmpty()) {
            throw new IllegalArgumentException("the sknet profile needs SK paths (selective kernel); this model has none");
        }
        List<Integer> shown = lastPerStage(first, sk);
        int[] large = new int[shown.size()];
        int[] small = new int[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            DatasetStats.Block b = first.blocks().get(shown.get(i));
            int[][] p = paths.get(b.name());
            if (p.length != b.radix()) {
                throw new IllegalArgumentException("block " + b.name() + " has " + b.radix() + " paths in the statistics, "
                        + p.length + " in scales.json");
            }
            for (int m = 1; m < p.length; m++) {
                large[i] = extent(p[m]) > extent(p[large[i]]) ? m : large[i];
                small[i] = extent(p[m]) < extent(p[small[i]]) ? m : small[i];
            }
            if (extent(p[large[i]]) == extent(p[small[i]])) {
                throw new IllegalArgumentException("block " + b.name() + ": its paths see the same extent; no larger kernel");
            }
        }
        double[][][] byGroup = new double[shown.size()][scales.size()][groups.size()];
        double[][] all = new double[shown.size()][scales.size()];
        for (int s = 0; s < scales.size(); s++) {
            DatasetStats run = s == 0 ? first : runs.at(s);
            for (int i = 0; i < shown.size(); i++) {
                int j = shown.get(i);
                DatasetStats.Block b = first.blocks().get(j);
                for (int g = 0; g < groups.size(); g++) {
                    byGroup[i][s][g] = difference(run.attention(groups.get(g), j).mean(), b, large[i], small[i]);
                }
                all[i][s] = difference(run.allAttention(j).mean(), b, large[i], small[i]);
            }
        }
        List<Panel> panels = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            int[][] p = paths.get(first.blocks().get(shown.get(i)).name());
            panels.add(new Panel(first.blocks().get(shown.get(i)).name(), words(p[large[i]]), words(p[small[i]]),
                    byGroup[i], all[i]));
        }
        return new SkScaleShift(List.copyOf(scales), groups.stream().map(first.groups()::get).toList(), panels);
    }

    /** The last of the given blocks in each stage (layer2.3 ends layer2), in depth order. */
    static List<Integer> lastPerStage(DatasetStats s, List<Integer> blocks) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String stage = ChannelProfiles.stage(s.blocks().get(blocks.get(i)).name());
            if (i + 1 == blocks.size() || !ChannelProfiles.stage(s.blocks().get(blocks.get(i + 1)).name()).equals(stage)) {
                out.add(blocks.get(i));
            }
        }
        return out;
    }

    /** Mean over channels of mean[large, c] − mean[small, c], attention laid out [R, K, C/K]. */
    private static double difference(double[] mean, DatasetStats.Block b, int large, int small) {
        int per = b.cardinality() * b.groupChannels();
        double sum = 0;
        for (int c = 0; c < per; c++) {
            sum += mean[large * per + c] - mean[small * per + c];
        }
        return sum / per;
    }

    /** The largest |difference|: the end of a symmetric value axis. */
    public double maxAbs() {
        double max = 0;
        for (Panel p : panels) {
            for (double[] row : p.byGroup()) {
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
            for (double v : p.all()) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }
}
