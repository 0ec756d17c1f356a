package org.splitscope.view.interventions;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.capture.Intervention;
import org.splitscope.capture.Interventions;
import org.splitscope.capture.Prediction;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;

/**
 * Runs an intervention: the same image captured as it is and with the attention forced. The forcing
 * itself ({@link Intervention}, {@link Interventions}) is a value the capture applies; running and
 * comparing lives here, above the capture, so that the capture never needs this package.
 */
public final class InterventionRunner {
    private InterventionRunner() {}

    /**
     * What the window runs: one image captured as it is and with {@code list} forced, for the top-5
     * before and after, the change per class, and the attention actually used.
     *
     * @param splitBlocks blocks whose split maps both captures should include (may be empty)
     * @param cancelled asked after every block, as {@link CaptureService#capture} does
     */
    public static InterventionResult compare(LoadedModel model, Sample sample, List<Intervention> list,
            Set<String> splitBlocks, BooleanSupplier cancelled) throws SplitScopeException {
        Interventions forced = Interventions.of(list, model.network());
        CaptureResult before = CaptureService.capture(model, List.of(sample), splitBlocks, cancelled, Interventions.NONE);
        CaptureResult after = CaptureService.capture(model, List.of(sample), splitBlocks, cancelled, forced);
        int k = Math.min(5, before.classes());
        return new InterventionResult(forced, before, after, Prediction.top(before.logits(0), k, model.labels()),
                Prediction.top(after.logits(0), k, model.labels()));
    }

    public static InterventionResult compare(LoadedModel model, Sample sample, List<Intervention> list)
            throws SplitScopeException {
        return compare(model, sample, list, Set.of(), () -> false);
    }
}
