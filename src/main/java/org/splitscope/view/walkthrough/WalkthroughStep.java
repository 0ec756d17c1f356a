package org.splitscope.view.walkthrough;

import java.util.Locale;
import org.splitscope.model.AttentionWords;

/**
 * The stages of a split-attention block in the order of the paper's equations, each a step of the
 * walkthrough: its name, its formula ({@link MathText}: {@code _x}/{@code ^x} or {@code _{…}}) and
 * one sentence in plain words.
 */
public enum WalkthroughStep {
    INPUT("Input X", "X ∈ ℝ^{C′ × H × W}",
            "The block's input: conv1's output (1×1 conv, BN, ReLU) with C′ channels, as the split-attention conv receives it."),
    CONV("Grouped conv", "U = ReLU(BN(Conv_{3×3}(X))),  K·R groups",
            "One 3×3 convolution with K·R groups makes every split of every cardinal group at once."),
    SPLITS("Splits U_r", "U = [U_0, …, U_{R−1}],  U_r = [U_r^0, …, U_r^{K−1}]",
            "The conv's output is cut into R splits of C channels; each split holds the K cardinal groups."),
    SUM("Û = Σ_r U_r", "Û^k = Σ_r U_r^k",
            "Within each cardinal group the splits are added channel by channel."),
    GAP("GAP s", "s_c^k = (1 / H·W) Σ_{i,j} Û_c^k(i, j)",
            "Global average pooling turns each channel of Û into one number: what the attention sees."),
    FC1("fc1 + BN + ReLU", "z^k = ReLU(BN(fc1^k(s^k)))",
            "A grouped 1×1 layer squeezes s into a shorter vector z, per cardinal group."),
    FC2("fc2 logits", "l_r^k(c) = fc2^k(z^k)_{r, c}",
            "A second grouped layer gives one logit per split and channel: R·C numbers."),
    LAYOUT("k-major → r-major", "fc2[(k·R + r)·C/K + j]  →  a[(r·K + k)·C/K + j]",
            "fc2 writes its logits group by group (k, r, j), but the splits are weighed split by split (r, k, j): "
                    + "a reshape to (K, R, C/K) and a transpose put them in place; a plain reshape mixes groups."),
    SOFTMAX("r-softmax", "a_r^k(c) = exp(l_r^k(c)) / Σ_{r′} exp(l_{r′}^k(c))",
            "For each channel the R logits become weights that are positive and add up to 1."),
    ATTENTION("Attention a_r(c)", "a ∈ [0, 1]^{R×K×C/K}",
            "The attention matrix: for every channel, how much of each split goes into the output."),
    FUSE("Fused V", "V_c^k = Σ_r a_r^k(c) · U_{r,c}^k",
            "Each channel of the output is the splits' channels weighted by their attention and added."),
    CONCAT("Concatenation", "V = [V^0, V^1, …, V^{K−1}]",
            "The K cardinal groups' outputs are concatenated along the channels, C = K · C/K.");

    private final String title;
    private final String formula;
    private final String sentence;

    WalkthroughStep(String title, String formula, String sentence) {
        this.title = title;
        this.formula = formula;
        this.sentence = sentence;
    }

    public String title() {
        return title;
    }

    /** The stage's name for this block's mechanism (SE/ECA: "Squeeze s", SK: "Paths U_m"). */
    public String title(AttentionWords w) {
        String[] own = WalkthroughWords.of(this, w);
        return own == null ? title : own[0];
    }

    /** The formula for this block's mechanism; split attention's own, with a sigmoid at R = 1. */
    public String formula(AttentionWords w) {
        String[] own = WalkthroughWords.of(this, w);
        return own == null ? formula(w.radix()) : own[1];
    }

    public String sentence(AttentionWords w, int cardinality) {
        String[] own = WalkthroughWords.of(this, w);
        return own == null ? sentence(w.radix(), cardinality) : own[2];
    }

    /** A single split gets a sigmoid gate instead of the r-softmax. */
    public String formula(int radix) {
        return this == SOFTMAX && radix == 1 ? "a^k(c) = σ(l^k(c)) = 1 / (1 + exp(−l^k(c)))" : formula;
    }

    public String sentence(int radix, int cardinality) {
        if (this == SOFTMAX && radix == 1) {
            return "With a single split the logit goes through a sigmoid: a gate between 0 and 1 per channel.";
        }
        if (this == LAYOUT && (cardinality == 1 || radix == 1)) {
            return sentence + " Here " + (cardinality == 1 ? "K" : "R") + " = 1, so both orders agree; with K, R > 1 "
                    + "they do not.";
        }
        return sentence;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public WalkthroughStep next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    public WalkthroughStep previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }

    /** A step number from 1 or a name (input, conv, …, layout, …, concat). */
    public static WalkthroughStep parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d{1,3}")) {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= values().length) {
                return values()[n - 1];
            }
        }
        for (WalkthroughStep step : values()) {
            if (step.id().equals(t)) {
                return step;
            }
        }
        StringBuilder names = new StringBuilder();
        for (WalkthroughStep step : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(step.id());
        }
        throw new IllegalArgumentException("unknown --step '" + s + "' (1 – " + values().length + " or " + names + ")");
    }
}
