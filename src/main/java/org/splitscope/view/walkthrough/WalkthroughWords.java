package org.splitscope.view.walkthrough;

import org.splitscope.model.AttentionWords;

/**
 * The walkthrough's stage names, formulas and sentences for the mechanisms besides split attention:
 * an SE or ECA block (one map X, a per-channel sigmoid gate; ECA a 1-d conv with no hidden layer) and
 * an SK block (M path convs, a softmax over paths). The steps keep split attention's order so one
 * figure shows all four; where a mechanism has no such stage the step says so.
 */
final class WalkthroughWords {
    private WalkthroughWords() {}

    /** {title, formula, sentence} of {@code step} for {@code w}; null for split attention (the enum's own). */
    static String[] of(WalkthroughStep step, AttentionWords w) {
        if (w.channelGate()) {
            return gate(step, w.mechanism() == org.splitscope.model.Mechanism.ECA, w.name());
        }
        return w.sk() ? sk(step, w) : null;
    }

    private static String[] gate(WalkthroughStep step, boolean eca, String name) {
        return switch (step) {
            case INPUT -> new String[] {"Input", "X_{in} ∈ ℝ^{C′ × H × W}",
                "The block's input: the " + name + " gate sits after the block's last conv and BN."};
            case CONV -> new String[] {"Convs + BN", "X = BN(Conv(…(X_{in})))",
                "The block's own convolutions make X; " + name + " adds no conv of its own."};
            case SPLITS -> new String[] {"One map X", "R = 1:  X ∈ ℝ^{C × H × W}",
                "There are no splits or paths: the gate acts on X itself, channel by channel."};
            case SUM -> new String[] {"No sum", "Û = X",
                "With one map there is nothing to add."};
            case GAP -> new String[] {"Squeeze s", "s_c = (1 / H·W) Σ_{i,j} X_c(i, j)",
                "Global average pooling turns each channel of X into one number: what the gate sees."};
            case FC1 -> eca
                    ? new String[] {"1-d conv", "l = Conv1d_k(s)",
                        "ECA has no hidden layer: one 1-d convolution of kernel k slides across neighbouring "
                                + "channels of s. The bars are its k weights w_j, shared by every channel."}
                    : new String[] {"fc1 + ReLU", "z = ReLU(fc1(s))",
                        "A 1×1 layer squeezes s into a shorter vector z (C/16, rounded to 8)."};
            case FC2 -> eca
                    ? new String[] {"Logits (no fc2)", "l(c) = Σ_j w_j · s_{c+j−(k−1)/2}",
                        "The conv's output already is one logit per channel: ECA has no second layer. The bars are "
                                + "the k values of s around c that the conv weighs (zero past the ends)."}
                    : new String[] {"fc2 logits", "l(c) = fc2(z)_c",
                        "A second 1×1 layer gives one logit per channel: C numbers."};
            case LAYOUT -> new String[] {"No reordering", "l[c]  →  g[c]",
                "R = K = 1: the logits and the gate share one order."};
            case SOFTMAX -> new String[] {"sigmoid", "g(c) = σ(l(c)) = 1 / (1 + exp(−l(c)))",
                "Each logit becomes a gate between 0 and 1; channels do not compete."};
            case ATTENTION -> new String[] {"Gate g(c)", "g ∈ [0, 1]^{C}",
                "The gate: how much of each channel of X passes."};
            case FUSE -> new String[] {"Excite X·g", "Y_c = g(c) · X_c",
                "Each channel of X is scaled by its gate."};
            case CONCAT -> new String[] {"Output Y", "out = ReLU(Y + shortcut)",
                "One group, nothing to concatenate: the gated map joins the shortcut."};
        };
    }

    private static String[] sk(WalkthroughStep step, AttentionWords w) {
        String paths = w.unitsInWords();
        return switch (step) {
            case INPUT -> new String[] {"Input X", "X ∈ ℝ^{C′ × H × W}",
                "The input of the selective-kernel conv, which replaces the block's 3×3 conv."};
            case CONV -> new String[] {"Path convs", "U_m = ReLU(BN(Conv_m(X))),  m = 0 … M−1",
                "Each of the M " + paths + " is its own conv with BN and ReLU: the same input, another receptive field."};
            case SPLITS -> new String[] {"Paths U_m", "U = [U_0, …, U_{M−1}]",
                "The M paths' outputs, C channels each: one per kernel."};
            case SUM -> new String[] {"Û = Σ_m U_m", "Û = Σ_m U_m",
                "The paths are added channel by channel."};
            case GAP -> new String[] {"GAP s", "s_c = (1 / H·W) Σ_{i,j} Û_c(i, j)",
                "Global average pooling turns each channel of Û into one number: what the attention sees."};
            // titles and formulas are set as math (an underscore makes a subscript): timm's module names
            // (attn.fc_reduce, attn.fc_select) go in the sentences
            case FC1 -> new String[] {"Reduce z", "z = ReLU(BN(W_{reduce} s))",
                "A 1×1 layer (attn.fc_reduce) squeezes s into a shorter vector z."};
            case FC2 -> new String[] {"Select logits", "l_m(c) = (W_{select} z)_{m, c}",
                "A second 1×1 layer (attn.fc_select) gives one logit per path and channel: M·C numbers."};
            case LAYOUT -> new String[] {"path-major", "l[m·C + c]  →  a[m, c]",
                "attn.fc_select's output is viewed as [M, C]: path-major, the order the attention keeps (K = 1)."};
            case SOFTMAX -> new String[] {"softmax over paths", "a_m(c) = exp(l_m(c)) / Σ_{m′} exp(l_{m′}(c))",
                "For each channel the M logits become weights that are positive and add up to 1."};
            case ATTENTION -> new String[] {"Attention a_m(c)", "a ∈ [0, 1]^{M×C}",
                "For every channel, how much of each path goes into the output."};
            case FUSE -> new String[] {"Selected V", "V_c = Σ_m a_m(c) · U_{m,c}",
                "Each output channel is the paths' channels weighted by their attention and added."};
            case CONCAT -> new String[] {"Output V", "V ∈ ℝ^{C × H × W}",
                "K = 1: one group, nothing to concatenate; V goes on through the block."};
        };
    }
}
