package org.splitscope.view.heatmaps;

import org.splitscope.analysis.SplitContributions;
import org.splitscope.capture.BlockCapture;
import org.splitscope.model.AttentionWords;

/**
 * Per split r, the map Σ_c a_r(c)·U_r(c, h, w) over one cardinal group or all of them: where in the
 * image each split adds to the block's output.
 *
 * @param group a cardinal group k, or {@link SplitContributions#ALL_GROUPS}
 * @param maps one [height, width] map per split
 */
public record ContributionMaps(String block, int radix, int group, int width, int height, float[][] maps,
        AttentionWords words) {

    /** A split-attention block's maps (words from R). */
    public ContributionMaps(String block, int radix, int group, int width, int height, float[][] maps) {
        this(block, radix, group, width, height, maps, AttentionWords.splat(radix));
    }

    public static ContributionMaps of(BlockCapture b, int image, int group) {
        return new ContributionMaps(b.name(), b.radix(), group, b.width(), b.height(),
                SplitContributions.all(b, image, group), b.words());
    }

    public double value(int split, int x, int y) {
        return maps[split][y * width + x];
    }
}
