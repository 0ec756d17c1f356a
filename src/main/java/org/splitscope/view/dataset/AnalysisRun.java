package org.splitscope.view.dataset;

import org.splitscope.batch.DatasetInput;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.Prediction;
import org.splitscope.engine.LoadedModel;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.CsvTable;
import org.splitscope.io.Npz64;
import com.google.gson.GsonBuilder;

/** A run's state: statistics, accuracy counts, skipped inputs, how far it got. */
public final class AnalysisRun {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
    final List<String> groups;
    DatasetStats stats;
    final long[] top1;
    final long[] top5;
    final long[] labelled;
    final JsonArray skipped = new JsonArray();
    int processed;
    /** The saved state of a run still going (or stopped): resumed from, replaced by stats.* at the end. */
    public static final String STATE_JSON = "analyze-state.json";
    public static final String STATE_NPZ = "analyze-state.npz";
    /** SHA-256 of the input list (paths and labels in order); null for a merged run. */
    String inputsSha;
    /** label or prediction. */
    String groupBy = "label";
    /** Groups whose name is no class of the model: no accuracy for them; null where unknown (older files). */
    List<String> withoutClass;
    /** As read back: the shard and input count the run was over. */
    String shard;
    int inputs;
    /** The enlargement of every image's centre (analyze --scales); null at the images' own scale. */
    Double scale;

    private AnalysisRun(List<String> groups) {
        this.groups = groups;
        top1 = new long[groups.size()];
        top5 = new long[groups.size()];
        labelled = new long[groups.size()];
    }

    static AnalysisRun start(List<String> groups) {
        return new AnalysisRun(groups);
    }

    AnalysisRun withBlocks(CaptureResult r) {
        if (stats == null) {
            stats = new DatasetStats(groups, DatasetStats.blocksOf(r.blocks()));
        }
        return this;
    }

    void skip(Path file, String reason) {
        JsonObject o = new JsonObject();
        o.addProperty("path", file.toString());
        o.addProperty("reason", reason);
        skipped.add(o);
    }

    /** Per group, the model's class of that name (-1 if none): accuracy is counted where there is one. */
    private int[] classOf;

    void add(CaptureResult r, List<DatasetInput.Item> items, boolean byPrediction, LoadedModel model) {
        if (classOf == null) {
            List<String> keys = model.labels().stream().map(org.splitscope.model.Labels::key).toList();
            classOf = groups.stream().mapToInt(g -> byPrediction ? -1 : keys.indexOf(org.splitscope.model.Labels.key(g))).toArray();
            withoutClass = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                if (classOf[g] < 0) {
                    withoutClass.add(groups.get(g));
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            List<Prediction> top = Prediction.top(r.logits(i), Math.min(5, r.classes()), model.labels());
            int group = byPrediction ? top.get(0).index() : groups.indexOf(items.get(i).label());
            stats.add(group, r.blocks(), i);
            int truth = classOf[group];
            if (truth >= 0) {
                labelled[group]++;
                top1[group] += top.get(0).index() == truth ? 1 : 0;
                top5[group] += top.stream().anyMatch(p -> p.index() == truth) ? 1 : 0;
            }
        }
    }

    String modelName;
    String modelSha;
    /** Which inputs these statistics cover (null in a run saved before coverage was recorded). */
    Coverage coverage;
    /** Where this process took the run up (--resume), or -1: for the user's log. */
    int resumedAt = -1;

    /** The state of a run that goes on (or was stopped): analyze-state.*, stats.* are left as they are. */
    void saveState(Path out, String shard, int inputs, long start) throws IOException {
        String text = GSON.toJson(json(shard, inputs, start));
        Map<String, Npz64.Array> arrays = stats == null ? Map.of() : stats.arrays();
        AtomicFiles.writeAll(List.of(Map.entry(out.resolve(STATE_NPZ), o -> Npz64.write(o, arrays)),
                Map.entry(out.resolve(STATE_JSON), o -> o.write(text.getBytes(StandardCharsets.UTF_8)))));
    }

    /** The finished run: stats.npz, stats.json and summary.csv replace what was there; the state goes. */
    void saveFinal(Path out, String shard, int inputs, long start) throws IOException {
        save(out, shard, inputs, start);
        Files.deleteIfExists(out.resolve(STATE_JSON));
        Files.deleteIfExists(out.resolve(STATE_NPZ));
    }

    private JsonObject json(String shard, int inputs, long start) {
        JsonObject json = new JsonObject();
        json.add("groups", GSON.toJsonTree(groups));
        long[] counts = new long[groups.size()];
        for (int g = 0; g < counts.length; g++) {
            counts[g] = stats == null ? 0 : stats.count(g);
        }
        json.add("counts", GSON.toJsonTree(counts));
        JsonArray accuracy = new JsonArray();
        for (int g = 0; g < groups.size(); g++) {
            JsonObject a = new JsonObject();
            a.addProperty("labelled", labelled[g]);
            a.add("top1", labelled[g] == 0 ? com.google.gson.JsonNull.INSTANCE
                    : new com.google.gson.JsonPrimitive((double) top1[g] / labelled[g]));
            a.add("top5", labelled[g] == 0 ? com.google.gson.JsonNull.INSTANCE
                    : new com.google.gson.JsonPrimitive((double) top5[g] / labelled[g]));
            a.addProperty("top1Hits", top1[g]);
            a.addProperty("top5Hits", top5[g]);
            accuracy.add(a);
        }
        json.add("accuracy", accuracy);
        json.addProperty("accuracyNote", accuracyNote());
        if (withoutClass != null) {
            json.add("groupsWithoutClass", GSON.toJsonTree(withoutClass));
        }
        json.add("blocks", SavedRun.blocksJson(stats == null ? List.of() : stats.blocks()));
        json.add("model", org.splitscope.io.ModelJson.of(modelName, modelSha));
        json.addProperty("groupBy", groupBy);
        if (inputsSha != null) {
            json.addProperty("inputsSha256", inputsSha);
        }
        json.addProperty("shard", shard == null ? "1/1" : shard);
        if (scale != null) {
            json.addProperty("scale", scale);
        }
        json.addProperty("inputs", inputs);
        json.addProperty("processed", processed);
        json.add("skipped", skipped);
        if (coverage != null) {
            json.add("coverage", (processed < inputs ? coverage.stoppedEarly() : coverage).toJson());
        }
        json.addProperty("seconds", (System.nanoTime() - start) / 1e9);
        return json;
    }

    /**
     * Whether per-group accuracy was computed, in words: it is where a group's name is one of the
     * model's classes (ankle-boot for "Ankle boot"), never when grouping by prediction.
     */
    public String accuracyNote() {
        if (groupBy.equals("prediction")) {
            return "per-group accuracy not computed: grouped by the predicted class";
        }
        if (withoutClass == null || withoutClass.isEmpty()) {
            return withoutClass == null ? "" : "per-group accuracy computed for every group";
        }
        if (withoutClass.size() == groups.size()) {
            return "per-group accuracy not computed: no group name is a class of the model";
        }
        return "per-group accuracy not computed for " + withoutClass.size() + " of " + groups.size()
                + " groups: their names are no class of the model (e.g. '" + withoutClass.get(0) + "')";
    }

    public void save(Path out, String shard, int inputs, long start) throws IOException {
        String text = GSON.toJson(json(shard, inputs, start));
        Map<String, Npz64.Array> arrays = stats == null ? Map.of() : stats.arrays();
        // named by the blocks' rows: preferred_split for split attention, preferred_path for SK, preferred_gate
        // (always 0; its mean is the mean gate) for SE and ECA
        String unit = stats == null || stats.blocks().isEmpty() ? "split" : stats.blocks().get(0).words().unit();
        CsvTable csv = CsvTable.withProvenance(provenance(shard, inputs), "%.6f", "group", "block", "images",
                "mean_entropy", "dominance", "preferred_" + unit, "preferred_" + unit + "_mean");
        for (int g = 0; stats != null && g < groups.size(); g++) {
            for (int j = 0; j < stats.blocks().size(); j++) {
                double[] s = stats.summary(g, j);
                csv.row(groups.get(g), stats.blocks().get(j).name(), stats.count(g), s[0], s[1], (int) s[2], s[3]);
            }
        }
        byte[] summary = csv.bytes();
        AtomicFiles.writeAll(List.of(Map.entry(out.resolve("stats.npz"), o -> Npz64.write(o, arrays)),
                Map.entry(out.resolve("stats.json"), o -> o.write(text.getBytes(StandardCharsets.UTF_8))),
                Map.entry(out.resolve("summary.csv"), o -> o.write(summary))));
    }

    /** summary.csv's first line: what made it. */
    private String provenance(String shard, int inputs) {
        String model = modelName == null ? "(merged)" : modelName;
        return "splitscope " + org.splitscope.Version.NAME + " analyze summary; model " + clean(model)
                + (modelSha == null ? "" : " sha256 " + modelSha) + "; shard " + (shard == null ? "1/1" : clean(shard))
                + "; " + processed + " of " + inputs + " inputs; grouped by " + groupBy;
    }

    private static String clean(String s) {
        return org.splitscope.io.Printable.clean(s).replace("\r", "").replace("\n", "");
    }

    /** A saved run (stats.json + stats.npz) as analyze or merge wrote it, checked before use. */
    public static AnalysisRun read(Path dir) throws SplitScopeException {
        return SavedRun.read(dir, "stats.json", "stats.npz");
    }

    /** An empty run over these groups (for the reader). */
    static AnalysisRun empty(List<String> groups) {
        return new AnalysisRun(groups);
    }

    /** Adds a shard of the same run: the statistics of both as if computed in one pass. */
    public void merge(AnalysisRun other) {
        if (!java.util.Objects.equals(modelSha, other.modelSha)) {
            throw new IllegalArgumentException("was made with another model");
        }
        if (!java.util.Objects.equals(scale, other.scale)) {
            throw new IllegalArgumentException("was made at another scale (analyze --scales)");
        }
        stats.merge(other.stats);
        for (int g = 0; g < groups.size(); g++) {
            labelled[g] += other.labelled[g];
            top1[g] += other.top1[g];
            top5[g] += other.top5[g];
        }
        skipped.addAll(other.skipped);
        processed += other.processed;
        inputsSha = null; // the shards' lists, not one list
    }
    public DatasetStats stats() {
        return stats;
    }

    public List<String> groups() {
        return groups;
    }

    /** Inputs looked at (read or skipped). */
    public int processed() {
        return processed;
    }

    public int skippedCount() {
        return skipped.size();
    }

    /** Top-1 accuracy of a group whose name is a class of the model; null when there is none. */
    public Double top1(int group) {
        return labelled[group] == 0 ? null : (double) top1[group] / labelled[group];
    }

    /** The image this process resumed the saved run at, or -1 when it started from the first. */
    public int resumedAt() {
        return resumedAt;
    }

    /** null when the run was saved before coverage was recorded. */
    public Coverage coverage() {
        return coverage;
    }

    public String modelName() {
        return modelName;
    }

    /** null for random weights. */
    public String modelSha256() {
        return modelSha;
    }

    /** The enlargement of every image's centre (analyze --scales); null at the images' own scale. */
    public Double scale() {
        return scale;
    }
}
