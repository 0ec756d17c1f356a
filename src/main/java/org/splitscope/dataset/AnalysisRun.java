package org.splitscope.dataset;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splitscope.SplitScopeException;
import org.splitscope.analysis.DatasetStats;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.Prediction;
import org.splitscope.engine.LoadedModel;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.Npz64;
import com.google.gson.GsonBuilder;

/** A run's state: statistics, accuracy counts, skipped inputs, how far it got. */
public final class AnalysisRun {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    final List<String> groups;
    DatasetStats stats;
    final long[] top1;
    final long[] top5;
    final long[] labelled;
    final JsonArray skipped = new JsonArray();
    int processed;

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

    void save(Path out, LoadedModel model, String shard, int inputs, long start) throws IOException {
        modelName = model.name();
        modelSha = model.sha256();
        save(out, shard, inputs, start);
    }

    public void save(Path out, String shard, int inputs, long start) throws IOException {
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
            a.addProperty("top1", labelled[g] == 0 ? null : (double) top1[g] / labelled[g]);
            a.addProperty("top5", labelled[g] == 0 ? null : (double) top5[g] / labelled[g]);
            a.addProperty("top1Hits", top1[g]);
            a.addProperty("top5Hits", top5[g]);
            accuracy.add(a);
        }
        json.add("accuracy", accuracy);
        json.add("blocks", GSON.toJsonTree(stats == null ? List.of() : stats.blocks()));
        JsonObject m = new JsonObject();
        m.addProperty("name", modelName);
        m.addProperty("sha256", modelSha);
        json.add("model", m);
        json.addProperty("shard", shard == null ? "1/1" : shard);
        json.addProperty("inputs", inputs);
        json.addProperty("processed", processed);
        json.add("skipped", skipped);
        json.addProperty("seconds", (System.nanoTime() - start) / 1e9);
        String text = GSON.toJson(json);
        Map<String, Npz64.Array> arrays = stats == null ? Map.of() : stats.arrays();
        StringBuilder csv = new StringBuilder("group,block,images,mean_entropy,dominance,preferred_split,"
                + "preferred_split_mean\r\n");
        for (int g = 0; stats != null && g < groups.size(); g++) {
            for (int j = 0; j < stats.blocks().size(); j++) {
                double[] s = stats.summary(g, j);
                csv.append(org.splitscope.figure.ViewData.quote(groups.get(g))).append(',').append(stats.blocks().get(j).name()).append(',')
                        .append(stats.count(g)).append(String.format(Locale.ROOT, ",%.6f,%.6f,%d,%.6f\r\n",
                                s[0], s[1], (int) s[2], s[3]));
            }
        }
        AtomicFiles.writeAll(List.of(Map.entry(out.resolve("stats.npz"), o -> Npz64.write(o, arrays)),
                Map.entry(out.resolve("stats.json"), o -> o.write(text.getBytes(StandardCharsets.UTF_8))),
                Map.entry(out.resolve("summary.csv"), o -> o.write(csv.toString().getBytes(StandardCharsets.UTF_8)))));
    }

    /** A saved run (stats.json + stats.npz) as analyze or merge wrote it. */
    public static AnalysisRun read(Path dir) throws SplitScopeException {
        try {
            JsonObject json = new Gson().fromJson(Files.readString(dir.resolve("stats.json")), JsonObject.class);
            List<String> groups = new ArrayList<>();
            json.getAsJsonArray("groups").forEach(e -> groups.add(e.getAsString()));
            AnalysisRun run = new AnalysisRun(groups);
            List<DatasetStats.Block> blocks = new ArrayList<>();
            json.getAsJsonArray("blocks").forEach(e -> blocks.add(new Gson().fromJson(e, DatasetStats.Block.class)));
            run.stats = DatasetStats.of(groups, blocks, Npz64.read(dir.resolve("stats.npz")));
            var accuracy = json.getAsJsonArray("accuracy");
            for (int g = 0; g < groups.size(); g++) {
                JsonObject a = accuracy.get(g).getAsJsonObject();
                run.labelled[g] = a.get("labelled").getAsLong();
                run.top1[g] = a.get("top1Hits").getAsLong();
                run.top5[g] = a.get("top5Hits").getAsLong();
            }
            json.getAsJsonArray("skipped").forEach(run.skipped::add);
            run.processed = json.get("processed").getAsInt();
            JsonObject m = json.getAsJsonObject("model");
            run.modelName = m.get("name").isJsonNull() ? null : m.get("name").getAsString();
            run.modelSha = m.get("sha256").isJsonNull() ? null : m.get("sha256").getAsString();
            return run;
        } catch (IOException | RuntimeException e) {
            throw new SplitScopeException(dir + ": no readable analyze run there (" + e.getMessage() + ")");
        }
    }

    static AnalysisRun resume(Path dir, List<String> groups, int inputs, String shard) throws SplitScopeException {
        if (!Files.isRegularFile(dir.resolve("stats.json"))) {
            throw new SplitScopeException(dir + ": nothing to resume (no stats.json)");
        }
        AnalysisRun run = read(dir);
        if (!run.groups.equals(groups) || run.processed > inputs) {
            throw new SplitScopeException(dir + ": the saved run has other groups or inputs; start it afresh");
        }
        return run;
    }

    /** Adds a shard of the same run: the statistics of both as if computed in one pass. */
    public void merge(AnalysisRun other) {
        if (!java.util.Objects.equals(modelSha, other.modelSha)) {
            throw new IllegalArgumentException("was made with another model");
        }
        stats.merge(other.stats);
        for (int g = 0; g < groups.size(); g++) {
            labelled[g] += other.labelled[g];
            top1[g] += other.top1[g];
            top5[g] += other.top5[g];
        }
        skipped.addAll(other.skipped);
        processed += other.processed;
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

    public String modelName() {
        return modelName;
    }

    /** null for random weights. */
    public String modelSha256() {
        return modelSha;
    }
}
