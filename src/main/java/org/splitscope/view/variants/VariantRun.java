package org.splitscope.view.variants;

import org.splitscope.view.depth.DepthProfile;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.Prediction;
import org.splitscope.model.AttentionWords;

/**
 * One image through one bundled model: its notation (2s1x64d, SE 1x64d, SK2 1x64d), how its attention
 * is worded (splits, a gate, paths), the top-3, and per stage the last attention block's mean weight
 * per split or path (the mean gate for SE and ECA) with its normalised entropy; the depth profile.
 *
 * @param words null for a model without attention (radix 0)
 * @param stageEnds empty for a model without attention (radix 0)
 */
public record VariantRun(String name, String notation, int radix, int cardinality, AttentionWords words,
        List<Prediction> top, List<StageEnd> stageEnds, DepthProfile depth) {

    /** @param splitMeans mean weight over all channels, per split or path (one gate: its mean); {@code entropy} NaN for a gate */
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
        AttentionWords words = blocks.isEmpty() ? null : depth.words();
        return new VariantRun(name, notation, radix, cardinality, words, List.copyOf(top), List.copyOf(ends), depth);
    }

    /** A per-channel sigmoid gate (SE, ECA, split attention with one split): no entropy, one bar. */
    public boolean gate() {
        return words != null && words.gate();
    }

    /** A row's short line under the notation: "SE gate", "ECA gate", "SK, 2 paths", "SplAt, 2 splits", "SplAt, gate". */
    public String mechanismShort() {
        if (words == null) {
            return "no attention";
        }
        return switch (words.mechanism()) {
            case SE, ECA -> words.mechanism().name() + " gate";
            case SK -> "SK, " + radix + " paths";
            default -> radix == 1 ? "SplAt, gate" : "SplAt, " + radix + " splits";
        };
    }

    /** How the readout names its model's attention: "split attention, R = 2, K = 1", "squeeze-excitation gate", … */
    public String mechanismWords() {
        if (words == null) {
            return "no attention (radix 0)";
        }
        return switch (words.mechanism()) {
            case SE, ECA -> words.name() + " gate";
            case SK -> words.name() + ", " + words.unitsInWords();
            default -> "split attention, R = " + radix + ", K = " + cardinality + (radix == 1 ? " (a gate)" : "");
        };
    }
}
