package org.splitscope.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;

/**
 * The attention a [N, R, K, C/K] of one split-attention block (or of every one, {@link #ALL}) replaced
 * before the weighted sum V = Σ_r a_r ⊙ U_r; the rest of the network is unchanged. Written
 * {@code BLOCK=MODE}, e.g. {@code layer2.0=uniform}, {@code layer3.1=onehot:1}, {@code all=scale:0:0.5}.
 */
public record Intervention(String block, Mode mode) {
    /** Stands for every split-attention block. */
    public static final String ALL = "all";

    /** What replaces the attention. */
    public sealed interface Mode permits Uniform, OneHot, Scale {
        /** @param attention [N, R, K, C/K]; the result is a new array in the same scope */
        NDArray apply(NDArray attention);

        /** The split this mode names, or −1. */
        int split();

        /** As written on the command line. */
        String text();
    }

    /**
     * Every weight 1/R: the splits (SK: the paths) share equally. With R = 1 — SE, ECA, split attention
     * at radix 1 — the sigmoid gate becomes 1 (removed).
     */
    public record Uniform() implements Mode {
        @Override
        public NDArray apply(NDArray attention) {
            long radix = attention.getShape().get(1);
            return attention.onesLike().div(radix);
        }

        @Override
        public int split() {
            return -1;
        }

        @Override
        public String text() {
            return "uniform";
        }
    }

    /** Split r alone: a_r = 1, every other split 0. With R = 1, onehot:0 is a gate of 1. */
    public record OneHot(int split) implements Mode {
        @Override
        public NDArray apply(NDArray attention) {
            NDArray mask = perSplit(attention, 0f, 1f, split);
            return attention.zerosLike().addi(mask);
        }

        @Override
        public String text() {
            return "onehot:" + split;
        }
    }

    /** Split r's weights times F, the others as they are, not renormalised (with R = 1: gate × F). */
    public record Scale(int split, double factor) implements Mode {
        @Override
        public NDArray apply(NDArray attention) {
            NDArray factors = perSplit(attention, 1f, (float) factor, split);
            return attention.mul(factors);
        }

        @Override
        public String text() {
            return "scale:" + split + ":" + format(factor);
        }
    }

    /** [1, R, 1, 1] holding {@code value} at split r and {@code others} elsewhere, to broadcast over a. */
    private static NDArray perSplit(NDArray attention, float others, float value, int split) {
        int radix = (int) attention.getShape().get(1);
        float[] v = new float[radix];
        java.util.Arrays.fill(v, others);
        v[split] = value;
        return attention.getManager().create(v, new Shape(1, radix, 1, 1));
    }

    private static String format(double f) {
        return f == Math.rint(f) && Math.abs(f) < 1e15 ? Long.toString((long) f) : Double.toString(f);
    }

    public boolean isAll() {
        return block.equals(ALL);
    }

    /** {@code BLOCK=MODE} as written. */
    public String text() {
        return block + "=" + mode.text();
    }

    /** In words for banners and captions: "all blocks uniform", "layer3.1 onehot:1". */
    public String describe() {
        return (isAll() ? "all blocks" : block) + " " + mode.text();
    }

    /**
     * What a figure, export or banner says about forced attention: e.g. "all blocks uniform,
     * layer3.1 onehot:1"; null when nothing is forced.
     */
    public static String describe(java.util.List<Intervention> list) {
        return list == null || list.isEmpty() ? null
                : String.join(", ", list.stream().map(Intervention::describe).toList());
    }

    /**
     * Reads {@code BLOCK=MODE}. Whether the block and split exist is a question for the model: see
     * {@link Interventions#of}.
     */
    public static Intervention parse(String text) throws SplitScopeException {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new SplitScopeException("intervention '" + Printable.clean(text)
                    + "': write BLOCK=MODE, e.g. layer2.0=uniform, layer3.1=onehot:1 or all=scale:0:0.5");
        }
        String block = text.substring(0, eq).strip();
        return new Intervention(block.equalsIgnoreCase(ALL) ? ALL : block, parseMode(text.substring(eq + 1), text));
    }

    /** Reads each {@code BLOCK=MODE} in order: the syntax of {@code capture --intervene} and {@code figure --intervene}. */
    public static java.util.List<Intervention> parseAll(java.util.List<String> texts) throws SplitScopeException {
        java.util.List<Intervention> out = new java.util.ArrayList<>();
        for (String t : texts) {
            out.add(parse(t));
        }
        return java.util.List.copyOf(out);
    }

    /** Reads {@code uniform}, {@code onehot:R} or {@code scale:R:F} alone (knockout's --mode). */
    public static Mode parseMode(String text) throws SplitScopeException {
        return parseMode(text, text);
    }

    private static Mode parseMode(String mode, String whole) throws SplitScopeException {
        String[] p = mode.strip().toLowerCase(Locale.ROOT).split(":", -1);
        String where = "intervention '" + Printable.clean(whole) + "': ";
        switch (p[0]) {
            case "uniform" -> {
                if (p.length == 1) {
                    return new Uniform();
                }
            }
            case "onehot" -> {
                if (p.length == 2) {
                    return new OneHot(split(p[1], where));
                }
            }
            case "scale" -> {
                if (p.length == 3) {
                    return new Scale(split(p[1], where), factor(p[2], where));
                }
            }
            default -> {
                // below
            }
        }
        throw new SplitScopeException(where + "the mode is uniform, onehot:R or scale:R:F (R a split from 0, "
                + "F a factor ≥ 0)");
    }

    private static int split(String s, String where) throws SplitScopeException {
        try {
            int r = Integer.parseInt(s.strip());
            if (r >= 0) {
                return r;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new SplitScopeException(where + "the split '" + Printable.clean(s) + "' is not a number ≥ 0 "
                + "(splits count from r = 0)");
    }

    private static double factor(String s, String where) throws SplitScopeException {
        double f;
        try {
            f = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            f = Double.NaN;
        }
        // The network computes in float32: 1e39 is finite as a double but infinite there (NaN logits).
        if (!Double.isFinite(f) || f < 0 || !Float.isFinite((float) f)) {
            throw new SplitScopeException(where + "the factor '" + Printable.clean(s)
                    + "' must be a finite number ≥ 0 and at most " + Float.MAX_VALUE + " (float32)");
        }
        return f;
    }
}
