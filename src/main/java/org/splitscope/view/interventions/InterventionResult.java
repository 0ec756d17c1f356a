package org.splitscope.view.interventions;

import java.util.List;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.Interventions;
import org.splitscope.capture.Prediction;

/**
 * One image with and without interventions: both captures (the intervened one records the attention
 * that was used), the top-5 of each, and the change of every class's logit and probability.
 */
public record InterventionResult(Interventions interventions, CaptureResult before, CaptureResult after,
        List<Prediction> topBefore, List<Prediction> topAfter) {

    /** Per class, logit after − logit before. */
    public float[] deltaLogits() {
        float[] a = after.logits(0);
        float[] b = before.logits(0);
        float[] d = new float[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Per class, probability after − probability before. */
    public double[] deltaProbabilities() {
        double[] a = Prediction.probabilities(after.logits(0));
        double[] b = Prediction.probabilities(before.logits(0));
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Whether the interventions changed the predicted class. */
    public boolean topChanged() {
        return topBefore.get(0).index() != topAfter.get(0).index();
    }
}
