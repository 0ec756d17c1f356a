package org.splitscope.view.dataset;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Npz64;
import org.splitscope.io.Printable;
import org.splitscope.io.SavedJson;
import org.splitscope.model.AttentionWords;
import org.splitscope.model.Mechanism;

/**
 * Reads an analyze run back (stats.json + stats.npz, or the state of a stopped run) as untrusted
 * input: every field by name and type, every count whole and ≥ 0, the counts of both files equal,
 * every array of the shape the blocks say with finite values, attention within [0, 1] — so an edited
 * or mixed-up pair is refused with one line naming the file and field, before anything is drawn,
 * merged or resumed.
 */
final class SavedRun {
    /** Limits far above any real run, low enough that a hostile file cannot exhaust memory. */
    static final int MAX_GROUPS = 100_000;
    static final int MAX_BLOCKS = 1_000;
    static final int MAX_SKIPPED = 10_000_000;
    static final long MAX_JSON_BYTES = 256L << 20;

    private SavedRun() {}

    static AnalysisRun read(Path dir, String jsonName, String npzName) throws SplitScopeException {
        Path jsonFile = dir.resolve(jsonName);
        if (!java.nio.file.Files.exists(jsonFile)) {
            throw new SplitScopeException(dir + ": no readable analyze run there (no " + jsonName + ")"
                    + (java.nio.file.Files.exists(dir.resolve(ScaleRuns.JSON))
                            ? "; an analyze --scales output: one run per scale in scale-*/" : ""));
        }
        SavedJson f = SavedJson.read(jsonFile, MAX_JSON_BYTES);
        JsonObject json = f.root();
        JsonArray groupArray = f.array(json, "groups", "groups", MAX_GROUPS);
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < groupArray.size(); g++) {
            groups.add(f.string(groupArray.get(g), "groups[" + g + "]", false, 4096));
        }
        if (groups.isEmpty()) {
            throw f.bad("groups", "is empty");
        }
        if (new HashSet<>(groups).size() != groups.size()) {
            throw f.bad("groups", "names a group twice");
        }
        int n = groups.size();
        List<DatasetStats.Block> blocks = blocks(f, json);
        double perGroup = 0; // in double: the product of hostile sizes overflows a long
        for (DatasetStats.Block b : blocks) {
            perGroup += (double) b.radix() * b.cardinality() * b.groupChannels() * 2 + (double) b.cardinality() * b.groupChannels() * 2;
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if ((n + 1) * perGroup * 8 * 3 > free) {
            throw f.bad("blocks", String.format(java.util.Locale.ROOT, "describe statistics of %.3g values, more than "
                    + "memory allows", (n + 1) * perGroup));
        }
        AnalysisRun run = AnalysisRun.empty(groups);
        long[] counts = longs(f, f.array(json, "counts", "counts", MAX_GROUPS), "counts", n);
        JsonArray accuracy = f.array(json, "accuracy", "accuracy", MAX_GROUPS);
        if (accuracy.size() != n) {
            throw f.bad("accuracy", "has " + accuracy.size() + " entries for " + n + " groups");
        }
        for (int g = 0; g < n; g++) {
            String at = "accuracy[" + g + "]";
            JsonObject a = f.object(accuracy.get(g), at);
            run.labelled[g] = f.whole(a.get("labelled"), at + ".labelled", 0, counts[g]);
            run.top5[g] = f.whole(a.get("top5Hits"), at + ".top5Hits", 0, run.labelled[g]);
            run.top1[g] = f.whole(a.get("top1Hits"), at + ".top1Hits", 0, run.top5[g]);
        }
        JsonArray skipped = f.array(json, "skipped", "skipped", MAX_SKIPPED);
        for (int i = 0; i < skipped.size(); i++) {
            JsonObject s = f.object(skipped.get(i), "skipped[" + i + "]");
            f.string(s.get("path"), "skipped[" + i + "].path", false, 65536);
            f.string(s.get("reason"), "skipped[" + i + "].reason", true, 65536);
        }
        skipped.forEach(run.skipped::add);
        long inputs = f.whole(json.get("inputs"), "inputs", 0, Integer.MAX_VALUE);
        run.processed = (int) f.whole(json.get("processed"), "processed", 0, inputs);
        long counted = java.util.Arrays.stream(counts).sum();
        if (counted + skipped.size() != run.processed) {
            throw f.bad("processed", "is " + run.processed + ", but the groups count " + counted + " images and "
                    + skipped.size() + " were skipped");
        }
        JsonObject m = f.object(json, "model", "model");
        run.modelName = f.string(m.get("name"), "model.name", true, 4096);
        run.modelSha = f.string(m.get("sha256"), "model.sha256", true, 64);
        if (run.modelSha != null && !run.modelSha.matches("[0-9a-f]{64}")) {
            throw f.bad("model.sha256", "is not a SHA-256 (64 hex digits)");
        }
        String groupBy = f.string(json.get("groupBy"), "groupBy", true, 16);
        if (groupBy != null && !groupBy.equals("label") && !groupBy.equals("prediction")) {
            throw f.bad("groupBy", "is '" + Printable.clean(groupBy) + "', not label or prediction");
        }
        run.groupBy = groupBy == null ? "label" : groupBy;
        run.inputsSha = f.string(json.get("inputsSha256"), "inputsSha256", true, 64);
        if (json.has("groupsWithoutClass")) {
            JsonArray w = f.array(json, "groupsWithoutClass", "groupsWithoutClass", MAX_GROUPS);
            run.withoutClass = new ArrayList<>();
            for (int i = 0; i < w.size(); i++) {
                run.withoutClass.add(f.string(w.get(i), "groupsWithoutClass[" + i + "]", false, 4096));
            }
        }
        run.shard = f.string(json.get("shard"), "shard", true, 64);
        run.scale = f.nullableNumber(json.get("scale"), "scale", ScaleRuns.MIN, ScaleRuns.MAX);
        if (json.has("coverage")) {
            try {
                run.coverage = Coverage.fromJson(json.get("coverage"));
            } catch (IllegalArgumentException e) {
                throw f.bad("coverage", e.getMessage());
            }
        }
        run.inputs = (int) inputs;
        if (counted == 0 && blocks.isEmpty()) {
            throw new SplitScopeException(dir + ": the saved run holds no statistics yet (no image was read)");
        }
        run.stats = DatasetStats.of(groups, blocks, arrays(dir.resolve(npzName), blocks, counts));
        return run;
    }

    private static List<DatasetStats.Block> blocks(SavedJson f, JsonObject json) throws SplitScopeException {
        JsonArray array = f.array(json, "blocks", "blocks", MAX_BLOCKS);
        List<DatasetStats.Block> blocks = new ArrayList<>();
        java.util.Set<String> names = new HashSet<>();
        for (int j = 0; j < array.size(); j++) {
            String at = "blocks[" + j + "]";
            JsonObject b = f.object(array.get(j), at);
            String name = f.string(b.get("name"), at + ".name", false, 256);
            if (name.isEmpty() || !names.add(name)) {
                throw f.bad(at + ".name", name.isEmpty() ? "is empty" : "names a block twice");
            }
            int radix = (int) f.whole(b.get("radix"), at + ".radix", 1, 64);
            int cardinality = (int) f.whole(b.get("cardinality"), at + ".cardinality", 1, 1024);
            blocks.add(new DatasetStats.Block(name, radix, cardinality,
                    (int) f.whole(b.get("groupChannels"), at + ".groupChannels", 1, 65536),
                    words(f, b, at, radix, cardinality)));
        }
        return blocks;
    }

    /** A block's mechanism and SK's path kernels; runs saved before they were recorded are split attention. */
    private static AttentionWords words(SavedJson f, JsonObject b, String at, int radix, int cardinality)
            throws SplitScopeException {
        if (!b.has("mechanism")) {
            return AttentionWords.splat(radix);
        }
        String key = f.string(b.get("mechanism"), at + ".mechanism", false, 16);
        Mechanism m = Mechanism.ofKey(key).filter(x -> x != Mechanism.NONE).orElseThrow(
                () -> f.bad(at + ".mechanism", "is '" + Printable.clean(key) + "', no attention SplitScope knows"));
        if ((m == Mechanism.SE || m == Mechanism.ECA) && (radix != 1 || cardinality != 1)
                || m == Mechanism.SK && (radix < 2 || cardinality != 1)) {
            throw f.bad(at + ".mechanism", "is " + key + " but the block has R = " + radix + ", K = " + cardinality);
        }
        List<String> kernels = new ArrayList<>();
        if (b.has("kernels")) {
            JsonArray k = f.array(b, "kernels", at + ".kernels", 16);
            for (int i = 0; i < k.size(); i++) {
                kernels.add(Printable.clean(f.string(k.get(i), at + ".kernels[" + i + "]", false, 32)));
            }
        }
        return new AttentionWords(m, radix, kernels);
    }

    /** stats.json's blocks: dimensions, mechanism and SK's path kernels, which the views name them by. */
    static JsonArray blocksJson(List<DatasetStats.Block> blocks) {
        JsonArray out = new JsonArray();
        for (DatasetStats.Block b : blocks) {
            JsonObject o = new JsonObject();
            o.addProperty("name", b.name());
            o.addProperty("radix", b.radix());
            o.addProperty("cardinality", b.cardinality());
            o.addProperty("groupChannels", b.groupChannels());
            o.addProperty("mechanism", b.words().mechanism().key());
            if (!b.words().kernels().isEmpty()) {
                JsonArray k = new JsonArray();
                b.words().kernels().forEach(k::add);
                o.add("kernels", k);
            }
            out.add(o);
        }
        return out;
    }

    private static long[] longs(SavedJson f, JsonArray a, String field, int n) throws SplitScopeException {
        if (a.size() != n) {
            throw f.bad(field, "has " + a.size() + " entries for " + n + " groups");
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.whole(a.get(i), field + "[" + i + "]", 0, Integer.MAX_VALUE);
        }
        return out;
    }

    /** The npz's arrays, each of the shape the blocks say, finite, attention in [0, 1], std ≥ 0. */
    private static Map<String, Npz64.Array> arrays(Path file, List<DatasetStats.Block> blocks, long[] counts)
            throws SplitScopeException {
        String name = file.getFileName().toString();
        Map<String, Npz64.Array> arrays;
        try {
            arrays = Npz64.read(file);
        } catch (IOException e) {
            throw new SplitScopeException(file + ": " + Printable.clean(e.getMessage()));
        }
        int n = counts.length;
        Npz64.Array c = require(name, arrays, "counts", new long[] {n}, false, false);
        for (int g = 0; g < n; g++) {
            if (c.data()[g] != counts[g]) {
                throw new SplitScopeException(name + ": counts[" + g + "] is " + c.data()[g] + " where the JSON says "
                        + counts[g] + " (the files are not of one run)");
            }
        }
        for (DatasetStats.Block b : blocks) {
            long[] att = {b.radix(), b.cardinality(), b.groupChannels()};
            long[] gap = {b.cardinality(), b.groupChannels()};
            for (String kind : List.of("attention", "gap")) {
                long[] per = kind.equals("attention") ? att : gap;
                long[] grouped = new long[per.length + 1];
                grouped[0] = n;
                System.arraycopy(per, 0, grouped, 1, per.length);
                boolean unit = kind.equals("attention");
                require(name, arrays, b.name() + "." + kind + ".mean", grouped, unit, false);
                require(name, arrays, b.name() + "." + kind + ".std", grouped, unit, true);
                require(name, arrays, b.name() + "." + kind + ".all.mean", per, unit, false);
                require(name, arrays, b.name() + "." + kind + ".all.std", per, unit, true);
            }
        }
        return arrays;
    }

    private static Npz64.Array require(String file, Map<String, Npz64.Array> arrays, String key, long[] shape,
            boolean unit, boolean std) throws SplitScopeException {
        Npz64.Array a = arrays.get(key);
        String field = Printable.clean(key);
        if (a == null) {
            throw new SplitScopeException(file + ": array '" + field + "' is missing");
        }
        if (!java.util.Arrays.equals(a.shape(), shape)) {
            throw new SplitScopeException(file + ": array '" + field + "' has shape "
                    + java.util.Arrays.toString(a.shape()) + ", not " + java.util.Arrays.toString(shape));
        }
        double hi = unit ? 1 + 1e-6 : Double.MAX_VALUE;
        double lo = std ? 0 : unit ? -1e-6 : -Double.MAX_VALUE;
        double[] d = a.data();
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] >= lo && d[i] <= hi)) {
                throw new SplitScopeException(file + ": array '" + field + "' holds " + d[i] + " at " + i
                        + (Double.isFinite(d[i]) ? ", outside " + (unit ? "0 – 1" : std ? "≥ 0" : "") : ", not a finite number"));
            }
        }
        return a;
    }

    static SplitScopeException mismatch(Path dir, String what) {
        return new SplitScopeException(dir + ": cannot resume: " + what + "; start afresh without --resume");
    }

    /**
     * The stopped run in {@code dir} if it is the same run as the one asked for: the same model,
     * inputs (list and labels, in order), grouping and shard; checked field by field so the message says which differs.
     */
    static AnalysisRun resume(Path dir, List<String> groups, int inputs, String shard, String inputsSha,
            String groupBy, String modelName, String modelSha) throws SplitScopeException {
        if (!java.nio.file.Files.exists(dir.resolve(AnalysisRun.STATE_JSON))) {
            if (!java.nio.file.Files.exists(dir.resolve("stats.json"))) {
                return null; // nothing saved yet (a cluster task requeued before its first save): start afresh
            }
            throw new SplitScopeException(dir + ": nothing to resume (no " + AnalysisRun.STATE_JSON
                    + "); the run there is finished (stats.json)");
        }
        AnalysisRun run = read(dir, AnalysisRun.STATE_JSON, AnalysisRun.STATE_NPZ);
        if (!java.util.Objects.equals(run.modelSha, modelSha)
                || (run.modelSha == null && !java.util.Objects.equals(run.modelName, modelName))) {
            throw mismatch(dir, "it was made with " + Printable.clean(String.valueOf(run.modelName))
                    + (run.modelSha == null ? " (random weights)" : " (sha256 " + run.modelSha.substring(0, 12) + "…)")
                    + ", not " + Printable.clean(modelName));
        }
        if (!run.groupBy.equals(groupBy)) {
            throw mismatch(dir, "it groups by " + run.groupBy + ", not by " + groupBy);
        }
        String savedShard = run.shard == null ? "1/1" : run.shard;
        if (!savedShard.equals(shard == null ? "1/1" : shard)) {
            throw mismatch(dir, "it is shard " + Printable.clean(savedShard) + ", not " + (shard == null ? "1/1" : shard));
        }
        if (!run.groups.equals(groups)) {
            throw mismatch(dir, "its " + run.groups.size() + " groups are not those of the input (" + groups.size() + ")");
        }
        if (run.inputs != inputs || !java.util.Objects.equals(run.inputsSha, inputsSha)) {
            throw mismatch(dir, "its inputs differ (" + run.inputs + " saved, " + inputs
                    + " now; other files, labels or order)");
        }
        return run;
    }
}
