package org.splitscope.runtime;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The known-answer check's result for one machine and libtorch ({@code key}, see {@link IsaMachine}):
 * every level tried, and the one chosen — the fastest of those whose forward matched PyTorch's.
 * It is cached as a few lines of text; {@link #parse} trusts nothing in such a file beyond a known
 * level name, an outcome and two numbers per line.
 */
record IsaVerdict(String key, LocalDate checked, List<IsaTrial> trials) {
    private static final String HEADER = "splitscope oneDNN ISA check 1";
    /** More lines than any honest file has: a bigger file is not read. */
    private static final int MAX_CHARS = 4096;

    IsaVerdict {
        trials = List.copyOf(trials);
    }

    /** The level used until a verdict exists; another must beat it clearly to replace it. */
    static final String DEFAULT = "AVX2";
    /** How much faster than {@link #DEFAULT} another level must be: less is within the noise of a few forwards. */
    static final double MARGIN = 0.05;

    /**
     * The fastest exact level, except that {@link #DEFAULT}, when exact and within {@link #MARGIN} of
     * the fastest, stays; empty when none was exact (then the safe default stays).
     */
    Optional<String> chosen() {
        Optional<IsaTrial> fastest = exact().min(Comparator.comparingDouble(IsaTrial::ms));
        Optional<IsaTrial> standing = exact().filter(t -> t.isa().equals(DEFAULT)).findFirst();
        if (fastest.isPresent() && standing.isPresent() && standing.get().ms() <= fastest.get().ms() * (1 + MARGIN)) {
            return Optional.of(DEFAULT);
        }
        return fastest.map(IsaTrial::isa);
    }

    private java.util.stream.Stream<IsaTrial> exact() {
        return trials.stream().filter(t -> t.outcome() == IsaTrial.Outcome.EXACT);
    }

    /** "AVX2: fastest exact of AVX, AVX2 (ALL wrong); checked 2026-12-05". */
    String why() {
        List<String> exact = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (IsaTrial t : trials) {
            switch (t.outcome()) {
                case EXACT -> exact.add(t.isa());
                case WRONG -> lost.add(t.isa() + " wrong");
                case FAILED -> lost.add(t.isa() + " crashed");
            }
        }
        String others = lost.isEmpty() ? "" : " (" + String.join(", ", lost) + ")";
        double best = exact().mapToDouble(IsaTrial::ms).min().orElse(Double.NaN);
        String head = chosen().map(isa -> isa + (exact().anyMatch(t -> t.isa().equals(isa) && t.ms() == best)
                        ? ": fastest exact of " : ": kept, within 5 % of the fastest exact of ") + String.join(", ", exact))
                .orElse("no level was exact");
        return head + others + "; checked " + checked;
    }

    String format() {
        return HEADER + "\nkey " + key + "\nchecked " + checked + "\n"
                + trials.stream().map(t -> "trial " + t.format() + "\n").collect(Collectors.joining());
    }

    /**
     * The verdict in {@code text} if it is well formed and made for {@code key}; empty otherwise (a
     * damaged, foreign or hand-edited file is redone, not believed).
     */
    static Optional<IsaVerdict> parse(String text, String key) {
        if (text == null || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        List<String> lines = text.lines().toList();
        if (lines.size() < 4 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("key " + key)
                || !lines.get(2).startsWith("checked ")) {
            return Optional.empty();
        }
        LocalDate checked;
        try {
            checked = LocalDate.parse(lines.get(2).substring("checked ".length()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        List<IsaTrial> trials = new ArrayList<>();
        for (String line : lines.subList(3, lines.size())) {
            Optional<IsaTrial> trial = line.startsWith("trial ") ? IsaTrial.parse(line.substring(6)) : Optional.empty();
            if (trial.isEmpty() || trials.stream().anyMatch(t -> t.isa().equals(trial.get().isa()))) {
                return Optional.empty();
            }
            trials.add(trial.get());
        }
        return Optional.of(new IsaVerdict(key, checked, trials));
    }
}
