package org.splitscope.view.knockout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.BlockMechanism;
import org.splitscope.capture.CaptureService;
import org.splitscope.capture.Intervention;
import org.splitscope.capture.Interventions;
import org.splitscope.capture.Prediction;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.model.ResidualBlock;

/**
 * Knocks out one attention block (split attention, SE, ECA or SK) at a time: each batch runs once plainly and once per block
 * with only that block intervened, and the sweep keeps running sums only (nothing per image), so
 * it streams over any number of images.
 */
public final class KnockoutSweep {
    private final LoadedModel model;
    private final Intervention.Mode mode;
    private final List<String> blocks = new ArrayList<>();
    private final List<BlockMechanism> mechanisms = new ArrayList<>();
    private final List<Interventions> runs = new ArrayList<>();
    private final double[] logitChange;
    private final double[] probabilityChange;
    private final long[] hitsAfter;
    private final long[] changed;
    private long images;
    private long labelled;
    private long hitsBefore;

    /** @throws SplitScopeException if the mode names a split the blocks do not have, or there are no blocks */
    public KnockoutSweep(LoadedModel model, Intervention.Mode mode) throws SplitScopeException {
        this.model = model;
        this.mode = mode;
        Interventions.of(List.of(new Intervention(Intervention.ALL, mode)), model.network()); // one message for all
        runs.add(Interventions.NONE);
        for (ResidualBlock b : model.network().attentionBlocks()) {
            blocks.add(b.name());
            mechanisms.add(BlockMechanism.of(b));
            runs.add(Interventions.of(List.of(new Intervention(b.name(), mode)), model.network()));
        }
        if (blocks.isEmpty()) {
            throw new SplitScopeException(model.name() + " has no blocks with attention (split attention, SE, ECA or SK): nothing to knock out");
        }
        logitChange = new double[blocks.size()];
        probabilityChange = new double[blocks.size()];
        hitsAfter = new long[blocks.size()];
        changed = new long[blocks.size()];
    }

    /** The attention blocks in depth order. */
    public List<String> blocks() {
        return List.copyOf(blocks);
    }

    /**
     * Adds a batch: 1 + blocks forwards on it.
     *
     * @param truth per sample its class index in the model, or −1 where unknown
     */
    public void add(List<Sample> samples, int[] truth) throws SplitScopeException {
        List<float[]> logits = CaptureService.logits(model, samples, runs);
        int classes = model.config().numClasses();
        for (int i = 0; i < samples.size(); i++) {
            float[] plain = row(logits.get(0), i, classes);
            int top = argmax(plain);
            int target = truth[i] >= 0 ? truth[i] : top;
            double p = Prediction.probabilities(plain)[target];
            if (truth[i] >= 0) {
                labelled++;
                hitsBefore += top == truth[i] ? 1 : 0;
            }
            for (int b = 0; b < blocks.size(); b++) {
                float[] forced = row(logits.get(b + 1), i, classes);
                int forcedTop = argmax(forced);
                logitChange[b] += forced[target] - plain[target];
                probabilityChange[b] += Prediction.probabilities(forced)[target] - p;
                changed[b] += forcedTop != top ? 1 : 0;
                hitsAfter[b] += truth[i] >= 0 && forcedTop == truth[i] ? 1 : 0;
            }
        }
        images += samples.size();
    }

    public long images() {
        return images;
    }

    /** @param input what the sweep ran over (the input folder's name, the image's), for the figure's caption */
    public KnockoutResult result(String input) throws SplitScopeException {
        if (images == 0) {
            throw new SplitScopeException("no image went through the knock-out sweep");
        }
        List<KnockoutResult.Effect> effects = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            effects.add(new KnockoutResult.Effect(blocks.get(b), stage(blocks.get(b)), logitChange[b] / images,
                    probabilityChange[b] / images,
                    labelled == 0 ? null : (double) (hitsAfter[b] - hitsBefore) / labelled, (double) changed[b] / images,
                    mechanisms.get(b)));
        }
        String sha;
        try {
            sha = model.sha256();
        } catch (IOException e) {
            throw new SplitScopeException(model.file() + ": cannot read it for its SHA-256 (" + e.getMessage() + ")");
        }
        return new KnockoutResult(model.name(), sha, input, mode.text(), images, labelled,
                labelled == 0 ? null : (double) hitsBefore / labelled, effects);
    }

    /** S of layerS.B. */
    static int stage(String block) {
        return Integer.parseInt(block.substring("layer".length(), block.indexOf('.')));
    }

    private static float[] row(float[] logits, int image, int classes) {
        float[] row = new float[classes];
        System.arraycopy(logits, image * classes, row, 0, classes);
        return row;
    }

    /** The first of the largest, as Prediction.top ranks (a stable sort). */
    private static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
