package org.splitscope.runtime;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One oneDNN ISA level tried by the known-answer check (org.splitscope.capture.IsaCheck) in a child process.
 *
 * @param isa a {@code ONEDNN_MAX_CPU_ISA} value from {@link #KNOWN}
 * @param outcome exact, wrong, or failed (the child crashed, e.g. SIGFPE, timed out or gave no answer)
 * @param relDiff max |ours − PyTorch's| / max(1, max |PyTorch's|) over logits, attention and GAP; NaN when failed
 * @param ms median ms of the timed forwards; NaN unless exact
 */
public record IsaTrial(String isa, Outcome outcome, double relDiff, double ms) {
    /** The levels the check may try, lowest first; nothing else is ever read back or set. */
    public static final java.util.List<String> KNOWN = java.util.List.of("AVX", "AVX2", "AVX512_CORE", "ALL");

    /** What counts as the same forward as PyTorch's (the parity tests' 1e-4). */
    public static final double TOLERANCE = 1e-4;

    public enum Outcome { EXACT, WRONG, FAILED }

    public IsaTrial {
        if (!KNOWN.contains(isa)) {
            throw new IllegalArgumentException("unknown ISA level");
        }
        boolean exact = outcome == Outcome.EXACT;
        if (exact && !(ms > 0 && ms < 1e7)) {
            throw new IllegalArgumentException("an exact trial needs a time");
        }
        if (outcome != Outcome.FAILED && !(relDiff >= 0 && relDiff < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a finished trial needs its difference");
        }
        if (exact != (relDiff <= TOLERANCE)) {
            throw new IllegalArgumentException("the outcome does not match the difference");
        }
    }

    static IsaTrial failed(String isa) {
        return new IsaTrial(isa, Outcome.FAILED, Double.NaN, Double.NaN);
    }

    /** From the check's measurement: exact when within {@link #TOLERANCE}. */
    static IsaTrial measured(String isa, double relDiff, double ms) {
        if (Double.isNaN(relDiff)) {
            return new IsaTrial(isa, Outcome.WRONG, Double.MAX_VALUE, Double.NaN); // NaN in the output: wrong
        }
        return relDiff <= TOLERANCE ? new IsaTrial(isa, Outcome.EXACT, relDiff, ms)
                : new IsaTrial(isa, Outcome.WRONG, relDiff, Double.NaN);
    }

    /** One line: {@code AVX2 exact 3.1e-07 101.4}. */
    String format() {
        return String.format(Locale.ROOT, "%s %s %s %s", isa, outcome.name().toLowerCase(Locale.ROOT),
                Double.isNaN(relDiff) ? "-" : String.format(Locale.ROOT, "%.6g", relDiff),
                Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.2f", ms));
    }

    private static final Set<String> OUTCOMES = Set.of("exact", "wrong", "failed");

    /** The inverse of {@link #format()}; empty for anything else (a damaged or hand-made line). */
    static Optional<IsaTrial> parse(String line) {
        String[] f = line.strip().split(" ");
        if (f.length != 4 || !KNOWN.contains(f[0]) || !OUTCOMES.contains(f[1])) {
            return Optional.empty();
        }
        try {
            Outcome outcome = Outcome.valueOf(f[1].toUpperCase(Locale.ROOT));
            return Optional.of(new IsaTrial(f[0], outcome, number(f[2]), number(f[3])));
        } catch (IllegalArgumentException e) { // a bad number, or values that do not fit together
            return Optional.empty();
        }
    }

    private static double number(String s) {
        if (s.equals("-")) {
            return Double.NaN;
        }
        if (s.length() > 24 || !s.matches("[0-9.eE+-]+")) {
            throw new IllegalArgumentException("not a number");
        }
        return Double.parseDouble(s);
    }

    /** For people: "exact (3.1e-07), 101.4 ms", "wrong (0.05)", "crashed or gave no answer". */
    String describe() {
        return switch (outcome) {
            case EXACT -> String.format(Locale.ROOT, "exact (%.1g), %.1f ms", relDiff, ms);
            case WRONG -> String.format(Locale.ROOT, "wrong (differs by %.2g)", relDiff);
            case FAILED -> "crashed or gave no answer";
        };
    }
}
