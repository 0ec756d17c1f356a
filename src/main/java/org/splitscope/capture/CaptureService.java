package org.splitscope.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.splitscope.SplitScopeException;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;

/**
 * Captures a batch of prepared samples on a loaded model: what the window, capture and figure run.
 * ({@code bench} times {@link Capture} directly, on an input already on the device, as the PyTorch
 * anchor it is compared with does.)
 */
public final class CaptureService {
    private CaptureService() {}

    /**
     * @param samples same shape [C, H, W] each, C the model's input channels
     * @param splitBlocks blocks whose per-split maps are wanted too (may be empty)
     */
    public static CaptureResult capture(LoadedModel model, List<Sample> samples, Set<String> splitBlocks)
            throws SplitScopeException {
        return capture(model, samples, splitBlocks, () -> false);
    }

    /**
     * @param cancelled asked after every split-attention block: once true, the forward stops there
     *     with a {@link java.util.concurrent.CancellationException} (a superseded request must not
     *     hold up the one that replaced it for a whole forward)
     */
    public static CaptureResult capture(LoadedModel model, List<Sample> samples, Set<String> splitBlocks,
            BooleanSupplier cancelled) throws SplitScopeException {
        return capture(model, samples, splitBlocks, cancelled, Interventions.NONE);
    }

    /** @param interventions attention forced in some blocks (checked against this model) */
    public static CaptureResult capture(LoadedModel model, List<Sample> samples, Set<String> splitBlocks,
            BooleanSupplier cancelled, Interventions interventions) throws SplitScopeException {
        // A per-forward manager: everything the forward creates is freed when it closes.
        try (NDManager forward = model.manager().newSubManager()) {
            CaptureResult result = Capture.run(model.network(), batch(model, samples, forward), splitBlocks, cancelled,
                    interventions);
            org.splitscope.runtime.StartupClock.mark("capture done");
            return result;
        }
    }

    /**
     * The logits of one forward per entry of {@code runs} over the same batch, uploaded once: a
     * knock-out sweep's plain forward and its forwards with one block intervened.
     *
     * @return per run, logits [N, classes] row-major
     */
    public static List<float[]> logits(LoadedModel model, List<Sample> samples, List<Interventions> runs)
            throws SplitScopeException {
        try (NDManager forward = model.manager().newSubManager()) {
            NDArray input = batch(model, samples, forward);
            List<float[]> out = new java.util.ArrayList<>();
            for (Interventions run : runs) {
                out.add(Capture.logits(model.network(), input, run));
            }
            return out;
        }
    }

    /**
     * The samples as one input batch [N, C, H, W] in {@code manager}, checked against the model.
     *
     * @param samples same shape [C, H, W] each, C the model's input channels
     */
    public static NDArray batch(LoadedModel model, List<Sample> samples, NDManager manager) throws SplitScopeException {
        long[] shape = samples.get(0).shape();
        int channels = model.config().inChannels();
        for (Sample s : samples) {
            if (!Arrays.equals(s.shape(), shape)) {
                throw new SplitScopeException(s.source() + ": shape " + Arrays.toString(s.shape())
                        + " differs from " + Arrays.toString(shape) + " in the same batch; use --batch 1");
            }
        }
        if (shape[0] != channels) {
            throw new SplitScopeException(samples.get(0).source() + ": " + shape[0]
                    + " channels, but the model takes " + channels);
        }
        if (shape[1] < 8 || shape[2] < 8) {
            throw new SplitScopeException(samples.get(0).source() + ": " + shape[1] + "×" + shape[2]
                    + " is too small for a ResNeSt (at least 8×8)");
        }
        int per = samples.get(0).data().length;
        float[] batch = new float[samples.size() * per];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(samples.get(i).data(), 0, batch, i * per, per);
        }
        return manager.create(batch, new Shape(samples.size(), shape[0], shape[1], shape[2]));
    }
}
