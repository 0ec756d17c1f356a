package org.splitscope.view.depth;

import org.splitscope.analysis.AttentionEntropy;
import org.splitscope.analysis.AttentionStats;
import org.splitscope.analysis.SplitContributions;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.capture.BlockCapture;
import org.splitscope.model.AttentionWords;

/**
 * How attention changes with depth for one image: per split-attention block, in forward order, the
 * normalised entropy H / ln R of a_r(c) over the splits (mean over the block's C channels, and its
 * population std across them), the saturation (the share of all R·C weights above 0.9 or below 0.1)
 * and the split preference (the mean of a_r over the C channels per split, with its std across them).
 * At radix 1 a weight is one sigmoid gate and there is no distribution over splits: the entropy is
 * left undefined (NaN) and the gate's mean and std are {@code splitMean[0]} and {@code splitStd[0]}.
 */
public record DepthProfile(List<Block> blocks) {
    /** Weights beyond these count as saturated: the split (or gate) is all but on or off. */
    public static final double HIGH = 0.9;
    public static final double LOW = 0.1;

    /**
     * @param stage S of the module path layerS.B (0 where the name has no such form)
     * @param entropy mean of H / ln R over channels; NaN at radix 1
     * @param entropyStd its population std across channels; NaN at radix 1
     * @param saturation share of the R·C weights a_r(c) &gt; 0.9 or &lt; 0.1
     * @param splitMean mean of a_r(c) over the C channels, per split r
     * @param splitStd population std of a_r(c) across the C channels, per split r
     */
    public record Block(String name, int stage, int radix, int channels, double entropy, double entropyStd,
            double saturation, double[] splitMean, double[] splitStd, AttentionWords words) {
        public Block(String name, int stage, int radix, int channels, double entropy, double entropyStd,
                double saturation, double[] splitMean, double[] splitStd) {
            this(name, stage, radix, channels, entropy, entropyStd, saturation, splitMean, splitStd,
                    AttentionWords.splat(radix));
        }

        public boolean gate() {
            return radix == 1;
        }
    }

    public DepthProfile {
        blocks = List.copyOf(blocks);
    }

    /** Image {@code image} of a capture's blocks (forward order is depth order). */
    public static DepthProfile of(List<BlockCapture> captured, int image) {
        List<Block> out = new ArrayList<>(captured.size());
        for (BlockCapture b : captured) {
            out.add(block(b, image));
        }
        return new DepthProfile(out);
    }

    private static Block block(BlockCapture b, int image) {
        int radix = b.radix();
        double[] mean = new double[radix];
        double[] std = new double[radix];
        long saturated = 0;
        for (int r = 0; r < radix; r++) {
            float[] w = AttentionStats.weights(b, image, r, SplitContributions.ALL_GROUPS);
            double[] ms = meanStd(w);
            mean[r] = ms[0];
            std[r] = ms[1];
            for (float v : w) {
                saturated += v > HIGH || v < LOW ? 1 : 0;
            }
        }
        double entropy = Double.NaN;
        double entropyStd = Double.NaN;
        if (radix > 1) {
            double[] ms = meanStd(AttentionEntropy.perChannel(b, image));
            entropy = ms[0];
            entropyStd = ms[1];
        }
        return new Block(b.name(), stage(b.name()), radix, b.channels(), entropy, entropyStd,
                saturated / (double) (radix * b.channels()), mean, std, b.words());
    }

    /** S of "layerS.B…", 0 otherwise. */
    public static int stage(String block) {
        if (block.startsWith("layer")) {
            int dot = block.indexOf('.');
            try {
                return Integer.parseInt(block.substring(5, dot < 0 ? block.length() : dot));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** Radix 1 in every block: the profile shows gates, not entropy. */
    public boolean gates() {
        return !blocks.isEmpty() && blocks.stream().allMatch(Block::gate);
    }

    /** How the first block words its attention (a model has one mechanism); split attention R = 2 if empty. */
    public AttentionWords words() {
        return blocks.isEmpty() ? AttentionWords.splat(2) : blocks.get(0).words();
    }

    /** The largest radix: how many split lines there are. */
    public int radix() {
        return blocks.stream().mapToInt(Block::radix).max().orElse(0);
    }

    public int indexOf(String name) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static double[] meanStd(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return meanStd(d);
    }

    /** Two passes, in double: the std is population (numpy's default, ddof = 0). */
    private static double[] meanStd(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(squares / values.length)};
    }
}
