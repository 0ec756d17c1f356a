package org.splitscope.view.splitbars;

import org.splitscope.analysis.AttentionEntropy;
import org.splitscope.analysis.AttentionStats;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.analysis.SplitStats;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.capture.BlockCapture;
import org.splitscope.model.AttentionWords;

/**
 * The split bar chart of one block: {@code groups.get(k).get(r)} is split r of group k (mean
 * attention over the group's channels, with min, quartiles and max); and the small multiple of
 * every block in depth order.
 */
public record SplitBars(String block, int radix, List<List<SplitStats>> groups, List<BlockBars> overview,
        AttentionWords words) {

    /** A split-attention block's bars (words from R). */
    public SplitBars(String block, int radix, List<List<SplitStats>> groups, List<BlockBars> overview) {
        this(block, radix, groups, overview, AttentionWords.splat(radix));
    }

    /** One small multiple: the mean attention of each split over all the block's channels. */
    public record BlockBars(String block, int radix, double[] means, double entropy, AttentionWords words) {
        public BlockBars(String block, int radix, double[] means, double entropy) {
            this(block, radix, means, entropy, AttentionWords.splat(radix));
        }
    }

    public SplitBars {
        groups = List.copyOf(groups);
        overview = List.copyOf(overview);
    }

    /** @param blocks every block of the capture, in forward order (for the overview) */
    public static SplitBars of(BlockCapture selected, List<BlockCapture> blocks, int image) {
        List<List<SplitStats>> groups = new ArrayList<>();
        for (int k = 0; k < selected.cardinality(); k++) {
            groups.add(AttentionStats.perSplit(selected, image, k));
        }
        return new SplitBars(selected.name(), selected.radix(), groups, overview(blocks, image), selected.words());
    }

    public static List<BlockBars> overview(List<BlockCapture> blocks, int image) {
        List<BlockBars> out = new ArrayList<>();
        for (BlockCapture b : blocks) {
            double[] means = AttentionStats.perSplit(b, image, SplitContributions.ALL_GROUPS).stream()
                    .mapToDouble(SplitStats::mean).toArray();
            out.add(new BlockBars(b.name(), b.radix(), means, AttentionEntropy.normalized(b, image), b.words()));
        }
        return out;
    }
}
