package org.splitscope.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How every view and analysis names one block's attention, from its mechanism: the one place that
 * maps a mechanism to words, so a squeeze-excitation gate is never called a split and an SK path never
 * an r-softmax. Symbols use the figures' notation (_ subscript, ^ superscript).
 *
 * @param mechanism what the block's attention is
 * @param radix R: splits (SplAt), paths (SK), 1 for a gate
 * @param kernels SK only: each path's kernel in words ("3×3", "3×3 dilation 2"); empty otherwise
 */
public record AttentionWords(Mechanism mechanism, int radix, List<String> kernels) {

    public AttentionWords {
        kernels = List.copyOf(kernels);
    }

    /** ResNeSt's split attention with {@code radix} splits (a sigmoid gate at R = 1). */
    public static AttentionWords splat(int radix) {
        return new AttentionWords(Mechanism.SPLAT, radix, List.of());
    }

    public static AttentionWords of(ResidualBlock block) {
        List<String> kernels = new ArrayList<>();
        for (int[] p : block.paths()) {
            kernels.add(kernel(p[0], p[1]));
        }
        return new AttentionWords(block.mechanism(), block.radix(), kernels);
    }

    /** An SK path's kernel as every view, file and report words it: "3×3" or "3×3 dilation 2". */
    public static String kernel(int size, int dilation) {
        return size + "×" + size + (dilation > 1 ? " dilation " + dilation : "");
    }

    /** A per-channel sigmoid gate (SE, ECA, split attention at R = 1): no choice between splits or paths. */
    public boolean gate() {
        return mechanism.isGate(radix);
    }

    public boolean sk() {
        return mechanism == Mechanism.SK;
    }

    /** SE or ECA: the gate multiplies the block's own map, there are no splits at all. */
    public boolean channelGate() {
        return mechanism == Mechanism.SE || mechanism == Mechanism.ECA;
    }

    /** "split attention", "squeeze-excitation", "efficient channel attention", "selective kernel". */
    public String name() {
        return mechanism == Mechanism.SPLAT ? "split attention" : mechanism.words();
    }

    /** As an adjective: "split-attention" (output V), otherwise {@link #name()}. */
    public String adjective() {
        return mechanism == Mechanism.SPLAT ? "split-attention" : name();
    }

    /** What a row of the attention is called: "split", "path", "gate". */
    public String unit() {
        return sk() ? "path" : channelGate() ? "gate" : "split";
    }

    /** Plural: "splits", "paths", "gate" (a gate has one row). */
    public String units() {
        return sk() ? "paths" : channelGate() ? "gate" : "splits";
    }

    /** The row axis of the attention matrix: "split r", "path m", "gate". */
    public String axis() {
        return sk() ? "path m" : channelGate() ? "gate" : "split r";
    }

    /** A short row label: "r = 1", "3×3 d2", "gate". */
    public String rowLabel(int r) {
        if (gate()) {
            return "gate";
        }
        if (sk() && r < kernels.size()) {
            return kernels.get(r).replace(" dilation ", " d");
        }
        return (sk() ? "m = " : "r = ") + r;
    }

    /** One row in words: "split r = 1", "path 1 (3×3 dilation 2)", "gate". */
    public String unit(int r) {
        if (gate()) {
            return "gate";
        }
        if (sk()) {
            return "path " + r + (r < kernels.size() ? " (" + kernels.get(r) + ")" : "");
        }
        return "split r = " + r;
    }

    /** SK: "paths (3×3, 3×3 dilation 2)"; otherwise {@link #units()}. */
    public String unitsInWords() {
        return sk() && !kernels.isEmpty() ? "paths (" + String.join(", ", kernels) + ")" : units();
    }

    /** The function that makes the weights: "r-softmax", "sigmoid", "softmax over paths". */
    public String function() {
        return gate() ? "sigmoid" : sk() ? "softmax over paths" : "r-softmax";
    }

    /** The weight's symbol: "a_r(c)", "g(c)" for a gate, "a_m(c)" for SK's paths. */
    public String symbol() {
        return gate() ? (channelGate() ? "g(c)" : "a(c)") : sk() ? "a_m(c)" : "a_r(c)";
    }

    /** The pooled vector that enters the gate: "s^k" for split attention, "s" for SE, ECA and SK. */
    public String pooled() {
        return mechanism == Mechanism.SPLAT ? "s^k" : "s";
    }

    /** How the pooled vector is made: "s^k = GAP(Σ_r U_r)", "s = GAP(X)", "s = GAP(Σ_m U_m)". */
    public String pooledFrom() {
        return switch (mechanism) {
            case SE, ECA -> "s = GAP(X)";
            case SK -> "s = GAP(Σ_m U_m)";
            default -> "s^k = GAP(Σ_r U_r)";
        };
    }

    /** What reads the pooled vector: "fc1", "the 1-d conv", "attn.fc_reduce". */
    public String pooledInto() {
        return switch (mechanism) {
            case ECA -> "the 1-d conv across channels";
            case SK -> "fc_reduce";
            default -> "fc1";
        };
    }

    /** A captured input map: "U_1 (split r = 1)", "U (gated split)", "X (pre-gate map)", "U_0 (path 3×3)". */
    public String map(int r) {
        if (channelGate()) {
            return "X (pre-gate map)";
        }
        if (gate()) {
            return "U (gated split)";
        }
        return sk() ? "U_" + r + " (" + unit(r) + ")" : "U_" + r + " (split r = " + r + ")";
    }

    /** The map's symbol alone: "U_r" / "X" / "U_m". */
    public String mapSymbol() {
        return channelGate() ? "X" : sk() ? "U_m" : "U_r";
    }

    /** The output: "V (fused output)", "X·g (gated output)", "V (selected output)". */
    public String output() {
        return channelGate() ? "X·g (gated output)" : sk() ? "V (selected output)" : "V (fused output)";
    }

    /** The output's symbol: "V" or "X·g". */
    public String outputSymbol() {
        return channelGate() ? "X·g" : "V";
    }

    /** The weight where nothing is preferred: 1/R, 1/M, or a sigmoid's midpoint ½. */
    public double neutral() {
        return gate() ? 0.5 : 1.0 / radix;
    }

    /** The neutral weight in words: "uniform 1/R", "uniform 1/M", "gate ½ (sigmoid at 0)". */
    public String neutralWords() {
        return gate() ? "gate ½ (sigmoid at 0)" : sk() ? "uniform 1/M" : "uniform 1/R";
    }

    /** "1/R", "1/M", "½". */
    public String neutralSymbol() {
        return gate() ? "½" : sk() ? "1/M" : "1/R";
    }

    /** What a contribution map is: "Σ_c a_r(c)·U_r(c,h,w)", "Σ_c g(c)·X(c,h,w)", "Σ_c a_m(c)·U_m(c,h,w)". */
    public String contribution() {
        return channelGate() ? "Σ_c g(c)·X(c,h,w)" : sk() ? "Σ_c a_m(c)·U_m(c,h,w)"
                : gate() ? "Σ_c a(c)·U(c,h,w)" : "Σ_c a_r(c)·U_r(c,h,w)";
    }

    /** "Σ a·U", "Σ g·X". */
    public String contributionShort() {
        return channelGate() ? "Σ g·X" : "Σ a·U";
    }

    /** What the maps of {@code --splits} are called: "split maps", "pre-gate map", "path maps". */
    public String maps() {
        return channelGate() ? "pre-gate map" : sk() ? "path maps" : "split maps";
    }
}
