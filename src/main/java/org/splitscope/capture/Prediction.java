package org.splitscope.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** One class of a top-k list. */
public record Prediction(int index, String label, double probability) {

    /** Softmax over one row of logits, the k most probable classes first. */
    public static List<Prediction> top(float[] logits, int k, List<String> labels) {
        double[] p = probabilities(logits);
        List<Prediction> top = new ArrayList<>();
        IntStream.range(0, logits.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -p[i]))
                .limit(k)
                .forEach(i -> top.add(new Prediction(i, labels.get(i), p[i])));
        return top;
    }

    /** Softmax over one row of logits, in double (shifted by the maximum, so it cannot overflow). */
    public static double[] probabilities(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
