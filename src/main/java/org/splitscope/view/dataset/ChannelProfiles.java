package org.splitscope.view.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * SENet's per-class excitation figure for split attention: at the last split-attention block of
 * each stage, the mean weight a_r(c) of one split for every channel, channels ordered by the
 * all-images mean (largest first), one line for all images and one per chosen group.
 */
public record ChannelProfiles(int split, List<Integer> groups, List<String> names, List<Profile> stages,
        org.splitscope.model.AttentionWords words) {

    /**
     * @param order channel indices (k·C/K + c) by descending all-images mean
     * @param all the all-images mean in that order
     * @param lines per chosen group, its mean in that order
     */
    public record Profile(String block, int radix, int[] order, double[] all, List<double[]> lines) {}

    /** The last split-attention block of each stage ({@code layer2.3} ends {@code layer2}). */
    public static List<Integer> stageEnds(DatasetStats s) {
        List<Integer> ends = new ArrayList<>();
        for (int j = 0; j < s.blocks().size(); j++) {
            String stage = stage(s.blocks().get(j).name());
            boolean last = j + 1 == s.blocks().size() || !stage(s.blocks().get(j + 1).name()).equals(stage);
            if (last) {
                ends.add(j);
            }
        }
        return ends;
    }

    static String stage(String block) {
        int dot = block.indexOf('.');
        return dot < 0 ? block : block.substring(0, dot);
    }

    /** @param split r, clamped to the block's radix (the gate when R = 1) */
    public static ChannelProfiles of(DatasetStats s, int split, List<Integer> groups) {
        List<Profile> stages = new ArrayList<>();
        for (int j : stageEnds(s)) {
            DatasetStats.Block b = s.blocks().get(j);
            int r = Math.min(split, b.radix() - 1);
            int per = b.cardinality() * b.groupChannels();
            double[] mean = s.allAttention(j).mean();
            int[] order = IntStream.range(0, per).boxed()
                    .sorted(Comparator.comparingDouble((Integer c) -> -mean[r * per + c])).mapToInt(Integer::intValue)
                    .toArray();
            List<double[]> lines = new ArrayList<>();
            for (int g : groups) {
                lines.add(pick(s.attention(g, j).mean(), order, r * per));
            }
            stages.add(new Profile(b.name(), b.radix(), order, pick(mean, order, r * per), lines));
        }
        return new ChannelProfiles(split, List.copyOf(groups), groups.stream().map(s.groups()::get).toList(), stages,
                s.blocks().get(0).words());
    }

    private static double[] pick(double[] values, int[] order, int offset) {
        double[] out = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[offset + order[i]];
        }
        return out;
    }
}
