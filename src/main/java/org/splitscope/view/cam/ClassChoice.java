package org.splitscope.view.cam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;
import org.splitscope.model.Labels;

/**
 * Which class's score a map explains: the image's own top class, or one class by index.
 *
 * @param index the class index, or -1 for each image's top class
 */
public record ClassChoice(int index) {
    public static final ClassChoice TOP = new ClassChoice(-1);

    public ClassChoice {
        if (index < -1) {
            throw new IllegalArgumentException("class index " + index);
        }
    }

    public static ClassChoice of(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("class index " + index);
        }
        return new ClassChoice(index);
    }

    public boolean top() {
        return index < 0;
    }

    /**
     * {@code top}, an index 0 … classes−1, or a class name of the model, compared without case and
     * punctuation ("t-shirt top" finds "T-shirt/top").
     */
    public static ClassChoice parse(String text, List<String> labels) throws SplitScopeException {
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).equals("top")) {
            return TOP;
        }
        if (t.matches("\\d{1,9}")) {
            int i = Integer.parseInt(t);
            if (i >= labels.size()) {
                throw new SplitScopeException("--class " + i + ": the model has " + labels.size()
                        + " classes, 0 … " + (labels.size() - 1));
            }
            return of(i);
        }
        String key = Labels.key(t);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < labels.size() && !key.isEmpty(); i++) {
            if (Labels.key(labels.get(i)).equals(key)) {
                found.add(i);
            }
        }
        if (found.size() == 1) {
            return of(found.get(0));
        }
        if (found.isEmpty()) {
            throw new SplitScopeException("--class: no class '" + Printable.clean(t) + "' among the model's "
                    + labels.size() + " (" + Printable.clean(String.join(", ", labels.subList(0, Math.min(5, labels.size()))))
                    + (labels.size() > 5 ? ", …" : "") + "); give top, an index or a class name");
        }
        throw new SplitScopeException("--class '" + Printable.clean(t) + "' names classes " + found
                + "; give the index");
    }

    /** The class used for one image: this one, or the first largest of its logits (numpy's argmax). */
    int resolve(float[] logits, int offset, int classes) {
        if (!top()) {
            if (index >= classes) {
                throw new IllegalArgumentException("class " + index + " of a model with " + classes + " classes");
            }
            return index;
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[offset + c] > logits[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return top() ? "top" : Integer.toString(index);
    }
}
