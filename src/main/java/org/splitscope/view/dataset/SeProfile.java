package org.splitscope.view.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * SENet §7.2 ("role of excitation") from a dataset run: at the last block of each stage and at every
 * block of the last stage (SE-ResNet-50: SE_2_3, SE_3_4, SE_4_6, SE_5_1, SE_5_2, SE_5_3), the mean
 * sigmoid gate of {@code n} uniformly spaced channels (channel ⌊i·C/n⌋, i = 0 … n−1, in channel
 * order as the paper plots them) for each chosen class and for all images, with each class's
 * per-channel population std over its images (the paper's mean ± std figure).
 *
 * @param requested the channels asked for per block (a block with fewer shows all of its own)
 * @param names the chosen groups, in order
 */
public record SeProfile(int requested, List<String> names, List<Panel> panels) {

    /**
     * @param channels the channel indices shown (0 … C−1, increasing)
     * @param all the all-images mean gate at those channels
     * @param means per chosen group, its mean gate at those channels
     * @param stds per chosen group, the population std over its images at those channels
     */
    public record Panel(String block, int blockChannels, int[] channels, double[] all, List<double[]> means,
            List<double[]> stds) {}

    /**
     * The paper's blocks: the last block of each stage (before the next stage downsamples) and every
     * block of the last stage, in depth order.
     */
    public static List<Integer> paperBlocks(DatasetStats s) {
        List<Integer> ends = ChannelProfiles.stageEnds(s);
        List<Integer> out = new ArrayList<>();
        if (ends.isEmpty()) {
            return out;
        }
        String last = ChannelProfiles.stage(s.blocks().get(ends.get(ends.size() - 1)).name());
        for (int j = 0; j < s.blocks().size(); j++) {
            if (ends.contains(j) || ChannelProfiles.stage(s.blocks().get(j).name()).equals(last)) {
                out.add(j);
            }
        }
        return out;
    }

    /** {@code n} uniformly spaced indices of {@code 0 … c−1}: ⌊i·c/n⌋; all of them when c ≤ n. */
    public static int[] uniform(int c, int n) {
        int m = Math.min(c, n);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = (int) ((long) i * c / m);
        }
        return out;
    }

    /**
     * @param groups indices into the statistics' groups
     * @throws IllegalArgumentException where a chosen block is not a sigmoid gate (R = 1)
     */
    public static SeProfile of(DatasetStats s, int channels, List<Integer> groups) {
        if (channels < 1) {
            throw new IllegalArgumentException("--channels must be at least 1");
        }
        List<Panel> panels = new ArrayList<>();
        for (int j : paperBlocks(s)) {
            DatasetStats.Block b = s.blocks().get(j);
            if (b.radix() != 1) {
                throw new IllegalArgumentException("the senet profile shows sigmoid gates (SE, ECA: R = 1); block "
                        + b.name() + " weighs " + b.radix() + " splits or paths (--profile sknet for SK paths, "
                        + "or the dataset view without --profile)");
            }
            int c = b.cardinality() * b.groupChannels(); // R = 1: [K, C/K] flattened is the channel index
            int[] picked = uniform(c, channels);
            List<double[]> means = new ArrayList<>();
            List<double[]> stds = new ArrayList<>();
            for (int g : groups) {
                means.add(pick(s.attention(g, j).mean(), picked));
                stds.add(pick(s.attention(g, j).std(), picked));
            }
            panels.add(new Panel(b.name(), c, picked, pick(s.allAttention(j).mean(), picked), means, stds));
        }
        return new SeProfile(channels, groups.stream().map(s.groups()::get).toList(), panels);
    }

    private static double[] pick(double[] values, int[] at) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = values[at[i]];
        }
        return out;
    }

    /** "50 of 256 channels" / "all 16 channels", over the panels (they may differ per block). */
    public String channelWords() {
        boolean all = panels.stream().allMatch(p -> p.channels().length == p.blockChannels());
        if (all) {
            return "all channels";
        }
        return requested + " uniformly spaced channels per block (fewer where a block has fewer)";
    }
}
