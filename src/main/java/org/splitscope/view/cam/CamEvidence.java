package org.splitscope.view.cam;

import org.splitscope.analysis.SplitContributions;
import org.splitscope.view.heatmaps.ContributionMaps;
import org.splitscope.capture.BlockCapture;
import org.splitscope.model.AttentionWords;
import org.splitscope.capture.Prediction;
import org.splitscope.render.Resampling;

/**
 * Where the evidence for a class is, next to what each split of the same block adds there: one
 * image's class activation map and the block's split contribution maps, with per split its mean
 * attention and how well its map lines up with the CAM — so one can see whether the split the
 * attention prefers is the one that covers the class evidence.
 *
 * @param target where the CAM was taken: {@code layer3.0} (the block's output) or {@code layer3.0.conv2}
 *     (its split-attention output V)
 * @param probability softmax probability of the explained class
 * @param map the raw CAM [height, width], as {@link CamResult#map}
 * @param onInput the CAM normalised to 0…1 and bilinear to the input [inputHeight, inputWidth], as
 *     {@link CamResult#mapOnInput}
 * @param contributions the block's split maps; null while they are being captured
 * @param meanAttention per split r, the mean of a_r(c) over the channels of the contributions' group(s)
 * @param correlation per split r, Pearson's ρ over the input's pixels between {@code onInput} and the
 *     split's map bilinear to the input; NaN where either is flat
 */
public record CamEvidence(String block, String target, CamMethod method, CamResult.Explained explained,
        double probability, int width, int height, float[] map, int inputWidth, int inputHeight, float[] onInput,
        ContributionMaps contributions, double[] meanAttention, double[] correlation, AttentionWords words) {

    /** At a split-attention block (words from the contributions' R, or R = 2 while they are captured). */
    public CamEvidence(String block, String target, CamMethod method, CamResult.Explained explained,
            double probability, int width, int height, float[] map, int inputWidth, int inputHeight, float[] onInput,
            ContributionMaps contributions, double[] meanAttention, double[] correlation) {
        this(block, target, method, explained, probability, width, height, map, inputWidth, inputHeight, onInput,
                contributions, meanAttention, correlation,
                contributions == null ? AttentionWords.splat(2) : contributions.words());
    }

    /**
     * @param n the image of the CAM batch
     * @param logits that image's logits (for the probability)
     * @param group the cardinal group of the contribution maps, or {@link SplitContributions#ALL_GROUPS}
     */
    public static CamEvidence of(CamResult cam, int n, float[] logits, BlockCapture block, int group) {
        String blockName = cam.target().endsWith(".conv2")
                ? cam.target().substring(0, cam.target().length() - ".conv2".length()) : cam.target();
        if (!blockName.equals(block.name())) {
            throw new IllegalArgumentException("a CAM at " + cam.target() + " with the " + block.words().maps() + " of "
                    + block.name());
        }
        CamResult.Explained explained = cam.classes().get(n);
        double probability = Prediction.probabilities(logits)[explained.index()];
        float[] onInput = cam.mapOnInput(n);
        ContributionMaps c = null;
        double[] attention = null;
        double[] rho = null;
        if (block.hasSplits()) {
            c = ContributionMaps.of(block, 0, group);
            attention = new double[c.radix()];
            rho = new double[c.radix()];
            for (int r = 0; r < c.radix(); r++) {
                attention[r] = meanAttention(block, r, group);
                rho[r] = pearson(onInput, Resampling.bilinear(c.maps()[r], c.width(), c.height(), cam.inputWidth(),
                        cam.inputHeight()));
            }
        }
        return new CamEvidence(blockName, cam.target(), cam.method(), explained, probability, cam.width(),
                cam.height(), cam.map(n), cam.inputWidth(), cam.inputHeight(), onInput, c, attention, rho, block.words());
    }

    /** Taken at the split-attention output V rather than the block's output. */
    public boolean atSplitAttention() {
        return target.endsWith(".conv2");
    }

    /** The normalised CAM at input pixel (x, y). */
    public double camAt(int x, int y) {
        return onInput[y * inputWidth + x];
    }

    /** The raw CAM value under input pixel (x, y) (the cell of the CAM's own grid that holds it). */
    public double rawAt(int x, int y) {
        return map[(y * height / inputHeight) * width + x * width / inputWidth];
    }

    /** The contribution map's cell (column, row) under input pixel (x, y). */
    public int[] contributionCell(int x, int y) {
        return new int[] {x * contributions.width() / inputWidth, y * contributions.height() / inputHeight};
    }

    /** The input pixel at the centre of contribution map cell (x, y). */
    public int[] inputPixel(int x, int y) {
        return new int[] {(int) ((x + 0.5) * inputWidth / contributions.width()),
                (int) ((y + 0.5) * inputHeight / contributions.height())};
    }

    static double meanAttention(BlockCapture b, int split, int group) {
        int from = group == SplitContributions.ALL_GROUPS ? 0 : group;
        int to = group == SplitContributions.ALL_GROUPS ? b.cardinality() : group + 1;
        double sum = 0;
        for (int k = from; k < to; k++) {
            for (int c = 0; c < b.groupChannels(); c++) {
                sum += b.attention(0, split, k, c);
            }
        }
        return sum / ((to - from) * b.groupChannels());
    }

    /** Pearson's correlation of two equally long arrays; NaN when either has no spread. */
    static double pearson(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
