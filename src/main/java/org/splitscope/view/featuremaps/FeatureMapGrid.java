package org.splitscope.view.featuremaps;

import org.splitscope.analysis.SplitContributions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitscope.capture.BlockCapture;
import org.splitscope.model.AttentionWords;

/**
 * The channel maps of U_r (one split) or of V for one block and group, in the chosen order.
 *
 * @param split a split r or {@link FeatureMaps#FUSED}
 * @param group a cardinal group k or {@link SplitContributions#ALL_GROUPS}
 * @param total how many channels there are (tiles may hold only the first {@link #MAX_TILES})
 */
public record FeatureMapGrid(String block, int radix, int cardinality, int channels, int split, int group,
        int width, int height, FeatureMaps.Order order, List<Tile> tiles, int total, AttentionWords words) {
    /** Tiles beyond this many are not drawn (ResNeSt's widest block has 512 channels per group). */
    public static final int MAX_TILES = 1024;

    /**
     * @param channel 0 … C-1 across groups
     * @param values the map, [height, width]
     * @param min its smallest value (each tile has its own scale)
     * @param weight a_r(c), or for V the largest over r
     */
    public record Tile(int channel, int group, float[] values, double min, double max, double weight, double mean) {
        /** A flat map, usually all zero after the ReLU. */
        public boolean constant() {
            return max == min;
        }
    }

    public FeatureMapGrid {
        tiles = List.copyOf(tiles);
    }

    /** A split-attention block's grid (words from R). */
    public FeatureMapGrid(String block, int radix, int cardinality, int channels, int split, int group, int width,
            int height, FeatureMaps.Order order, List<Tile> tiles, int total) {
        this(block, radix, cardinality, channels, split, group, width, height, order, tiles, total,
                AttentionWords.splat(radix));
    }

    public static FeatureMapGrid of(BlockCapture b, int image, int split, int group, FeatureMaps.Order order) {
        int[] channels = FeatureMaps.channels(b, image, split, group, order);
        int plane = b.height() * b.width();
        float[] source = FeatureMaps.source(b, split);
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < Math.min(channels.length, MAX_TILES); i++) {
            int c = channels[i];
            int offset = FeatureMaps.offset(b, image, split, c);
            float[] values = Arrays.copyOfRange(source, offset, offset + plane);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            tiles.add(new Tile(c, c / b.groupChannels(), values, min, max, FeatureMaps.weight(b, image, split, c),
                    FeatureMaps.mean(b, image, split, c)));
        }
        return new FeatureMapGrid(b.name(), b.radix(), b.cardinality(), b.channels(), split, group, b.width(),
                b.height(), order, tiles, channels.length, b.words());
    }

    public int groupChannels() {
        return channels / cardinality;
    }

    /** "V (fused output)", "U_1 (split r = 1)". */
    public String sourceName() {
        return split == FeatureMaps.FUSED ? words.output() : words.map(split);
    }

    public String groupName() {
        return cardinality == 1 ? "its only group" : group == SplitContributions.ALL_GROUPS
                ? "all " + cardinality + " groups" : "group k = " + group;
    }
}
