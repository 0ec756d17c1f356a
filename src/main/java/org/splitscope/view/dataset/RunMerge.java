package org.splitscope.view.dataset;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.splitscope.SplitScopeException;
import org.splitscope.io.FolderLock;
import org.splitscope.io.Printable;
import org.splitscope.io.SavedJson;

/**
 * {@code analyze merge}: combines saved runs only when together they count every image once — the
 * same inputs and grouping, shards of one {@code I/N}, none given twice or overlapping, no run over
 * everything beside its own shards — and, unless asked for a partial merge, only when every shard
 * of N is there and finished.
 */
public final class RunMerge {
    private RunMerge() {}

    /** The merged run (its coverage set) and what was left out, for the user. */
    public record Result(AnalysisRun run, int runs, List<String> notes) {}

    /**
     * @param expect N the shards must be of (null: the N the runs record)
     * @param partial merge what is there: leave out folders without a finished run, accept missing or
     *     incomplete shards (recorded in the merged coverage)
     */
    public static Result merge(List<Path> parts, Integer expect, boolean partial) throws SplitScopeException {
        if (expect != null && expect < 1) {
            throw new SplitScopeException("--expect " + expect + ": N must be at least 1");
        }
        List<String> notes = new ArrayList<>();
        Map<Path, Path> seen = new HashMap<>();
        List<Path> dirs = new ArrayList<>();
        List<Saved> runs = new ArrayList<>();
        for (Path p : parts) {
            Path real = real(p);
            if (seen.containsKey(real)) {
                throw new SplitScopeException(show(p) + " is given twice (its images would count twice)");
            }
            seen.put(real, p);
            String unfinished = FolderLock.isHeld(p) ? "an analyze is still writing there"
                    : json(p) == null ? "no analyze run there (no stats.json)" : null;
            if (unfinished != null) {
                if (!partial) {
                    throw new SplitScopeException(show(p) + ": " + unfinished + "; wait for it, or leave it out with --partial");
                }
                notes.add("left out " + show(p) + ": " + unfinished);
                continue;
            }
            Saved run = saved(p);
            if (run.coverage == null) {
                throw new SplitScopeException(show(p) + ": stats.json does not record which inputs it covers (saved "
                        + "by an older SplitScope); run the same analyze command there again to record it");
            }
            dirs.add(p);
            runs.add(run);
        }
        if (runs.isEmpty()) {
            throw new SplitScopeException("nothing to merge: none of the folders holds a finished run");
        }
        Coverage first = runs.get(0).coverage;
        int n = expect != null ? expect : first.of();
        SortedSet<Integer> held = new TreeSet<>();
        SortedSet<Integer> incomplete = new TreeSet<>();
        Map<Integer, Path> holder = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Coverage c = runs.get(i).coverage;
            Path p = dirs.get(i);
            check(c, p, first, dirs.get(0), expect);
            for (int shard : c.shards()) {
                if (!held.add(shard)) {
                    throw new SplitScopeException("shard " + shard + "/" + n + " is in both " + show(holder.get(shard))
                            + " and " + show(p) + " (its images would count twice)");
                }
                holder.put(shard, p);
            }
            for (int shard : c.incomplete()) {
                incomplete.add(shard);
            }
        }
        Coverage merged = new Coverage(first.inputsSha256(), first.inputCount(), first.groupBy(), n, held, incomplete,
                false);
        if (!merged.complete()) {
            String what = gaps(merged, runs, dirs);
            if (!partial) {
                throw new SplitScopeException(what + "; run them (analyze --shard I/" + n + " --resume) or merge "
                        + "what is there with --partial");
            }
            notes.add("partial merge: " + what);
            merged = new Coverage(first.inputsSha256(), first.inputCount(), first.groupBy(), n, held, incomplete, true);
        }
        // one run in memory beside the sum: a shard's statistics over 1,000 groups are about 180 MB
        AnalysisRun out = read(dirs.get(0));
        for (int i = 1; i < runs.size(); i++) {
            try {
                out.merge(read(dirs.get(i)));
            } catch (IllegalArgumentException e) {
                throw new SplitScopeException(show(dirs.get(i)) + ": " + e.getMessage() + " (not a shard of the same "
                        + "run as " + show(dirs.get(0)) + ")");
            }
        }
        out.coverage = merged;
        return new Result(out, runs.size(), notes);
    }

    private static void check(Coverage c, Path p, Coverage first, Path firstDir, Integer expect)
            throws SplitScopeException {
        if (!c.sameInputs(first)) {
            throw new SplitScopeException(show(p) + " covers other inputs than " + show(firstDir) + " (another input "
                    + "list or order, or grouped by " + c.groupBy() + " not " + first.groupBy() + ")");
        }
        if (expect != null && c.of() != expect) {
            throw new SplitScopeException(show(p) + " holds shard " + c.describe() + ", not shards of --expect " + expect);
        }
        if (c.of() != first.of()) {
            Path full = c.of() == 1 ? p : first.of() == 1 ? firstDir : null;
            throw new SplitScopeException(full != null
                    ? show(full) + " is a run over all images and " + show(full == p ? firstDir : p) + " holds shard "
                            + (full == p ? first : c).describe() + " of them (those images would count twice)"
                    : show(p) + " holds shard " + c.describe() + " and " + show(firstDir) + " shard " + first.describe()
                            + ": shards of another N overlap; merge the shards of one --shard I/N");
        }
    }

    /** "shards 2, 4 of 4 are missing; shard 3 of 4 is incomplete (out/3 stopped at 12 of 25 images)". */
    private static String gaps(Coverage merged, List<Saved> runs, List<Path> dirs) {
        List<String> parts = new ArrayList<>();
        SortedSet<Integer> missing = merged.missing();
        if (!missing.isEmpty()) {
            parts.add((missing.size() == 1 ? "shard " : "shards ") + Coverage.ranges(missing) + " of " + merged.of()
                    + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        if (!merged.incomplete().isEmpty()) {
            List<String> where = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Coverage c = runs.get(i).coverage;
                if (!c.incomplete().isEmpty() && c.shards().size() == 1) {
                    int shard = c.shards().first();
                    where.add(show(dirs.get(i)) + " stopped at " + runs.get(i).processed + " of "
                            + Math.max(0, (c.inputCount() - shard + c.of()) / c.of()) + " images");
                }
            }
            parts.add((merged.incomplete().size() == 1 ? "shard " : "shards ") + Coverage.ranges(merged.incomplete())
                    + " of " + merged.of() + (merged.incomplete().size() == 1 ? " is" : " are") + " incomplete"
                    + (where.isEmpty() ? "" : " (" + String.join(", ", where) + ")"));
        }
        return String.join("; ", parts);
    }

    /** What stats.json says a run covers, read before any statistics are. */
    private record Saved(Coverage coverage, long processed) {}

    private static Saved saved(Path dir) throws SplitScopeException {
        SavedJson f = SavedJson.read(dir.resolve(json(dir)), SavedRun.MAX_JSON_BYTES);
        JsonObject json = f.root();
        long inputs = f.whole(json.get("inputs"), "inputs", 0, Integer.MAX_VALUE);
        long processed = f.whole(json.get("processed"), "processed", 0, inputs);
        Coverage c;
        try {
            c = json.has("coverage") ? Coverage.fromJson(json.get("coverage")) : null;
        } catch (IllegalArgumentException e) {
            throw f.bad("coverage", e.getMessage());
        }
        return new Saved(c != null && processed < inputs ? c.stoppedEarly() : c, processed);
    }

    /**
     * The run a folder holds: its finished statistics, else the state of a run that was stopped (a
     * preempted shard: incomplete, mergeable with --partial), else null.
     */
    private static String json(Path dir) {
        return Files.isRegularFile(dir.resolve("stats.json")) ? "stats.json"
                : Files.isRegularFile(dir.resolve(AnalysisRun.STATE_JSON)) ? AnalysisRun.STATE_JSON : null;
    }

    private static AnalysisRun read(Path dir) throws SplitScopeException {
        String json = json(dir);
        return SavedRun.read(dir, json, json.equals("stats.json") ? "stats.npz" : AnalysisRun.STATE_NPZ);
    }

    /** The folder as the file system knows it, so one folder given by two names is one. */
    public static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String show(Path p) {
        return Printable.clean(p.toString());
    }
}
