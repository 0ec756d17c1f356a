package org.splitscope.view.variants;

import org.splitscope.view.depth.DepthProfile;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.Prediction;

/**
 * One image through one variant: its notation (2s1x64d), the top-3, and per stage the last
 * split-attention block's mean attention per split and normalised entropy; the depth profile.
 *
 * @param stageEnds empty for a model without split attention (radix 0)
 */
public record VariantRun(String name, String notation, int radix, int cardinality, List<Prediction> top,
        List<StageEnd> stageEnds, DepthProfile depth) {

    /** @param splitMeans mean a_r over all channels, per split; {@code entropy} NaN with one split */
    public record StageEnd(String block, double[] splitMeans, double entropy) {}

    public static VariantRun of(String name, String notation, int radix, int cardinality, List<Prediction> top,
            List<BlockCapture> blocks) {
        DepthProfile depth = DepthProfile.of(blocks, 0);
        List<StageEnd> ends = new ArrayList<>();
        for (int j = 0; j < depth.blocks().size(); j++) {
            DepthProfile.Block b = depth.blocks().get(j);
            boolean last = j + 1 == depth.blocks().size() || depth.blocks().get(j + 1).stage() != b.stage();
            if (last) {
                ends.add(new StageEnd(b.name(), b.splitMean().clone(), b.radix() == 1 ? Double.NaN : b.entropy()));
            }
        }
        return new VariantRun(name, notation, radix, cardinality, List.copyOf(top), List.copyOf(ends), depth);
    }
}
