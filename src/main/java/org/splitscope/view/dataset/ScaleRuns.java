package org.splitscope.view.dataset;

import org.splitscope.batch.DatasetInput;
import org.splitscope.batch.Progress;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;
import org.splitscope.SplitScopeException;
import org.splitscope.engine.LoadedModel;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.FolderLock;
import org.splitscope.io.Printable;
import org.splitscope.io.SavedJson;
import org.splitscope.model.Mechanism;
import org.splitscope.model.ResidualBlock;

/**
 * {@code analyze --scales 1,1.5,2}: one complete analyze run per scale in {@code OUT/scale-<s>/} (each
 * readable on its own by every dataset figure and by {@code analyze merge}), described by
 * {@code OUT/scales.json}: the scales, the model, and each block's mechanism with SK's paths (kernel,
 * dilation), which the statistics alone do not say — the sknet profile needs to know which path is
 * the larger kernel. Folder names are made from the scales, never read from a file.
 */
public final class ScaleRuns {
    public static final String JSON = "scales.json";
    /** Scales a run may ask for: enlargements from 1× (the image as is) to 8×. */
    static final double MIN = 1;
    static final double MAX = 8;
    static final int MAX_SCALES = 8;

    /**
     * The runs of one output, in increasing scale, with the SK paths and mechanism per block name.
     * Only the first run is kept; the others are read (and checked against it) when asked for, so a
     * figure over an ImageNet-sized run holds two runs in memory, not one per scale.
     */
    public static final class Loaded {
        private final List<Double> scales;
        private final Path dir;
        private final String sha;
        private final AnalysisRun first;
        private final Map<String, int[][]> skPaths;
        private final Map<String, String> mechanisms;

        private Loaded(List<Double> scales, Path dir, String sha, AnalysisRun first, Map<String, int[][]> skPaths,
                Map<String, String> mechanisms) {
            this.scales = scales;
            this.dir = dir;
            this.sha = sha;
            this.first = first;
            this.skPaths = skPaths;
            this.mechanisms = mechanisms;
        }

        public List<Double> scales() {
            return scales;
        }

        public AnalysisRun first() {
            return first;
        }

        public Map<String, int[][]> skPaths() {
            return skPaths;
        }

        public Map<String, String> mechanisms() {
            return mechanisms;
        }

        /** The run at {@code scales().get(i)}, checked: this model, its scale, the first run's groups and blocks. */
        public AnalysisRun run(int i) throws SplitScopeException {
            return i == 0 ? first : ScaleRuns.run(dir, scales.get(i), sha, first);
        }
    }

    private ScaleRuns() {}

    /** "1,1.5,2" → [1.0, 1.5, 2.0]: each in 1 – 8, none twice, in increasing order. */
    public static List<Double> parse(String text) throws SplitScopeException {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            double s;
            try {
                s = Double.parseDouble(part.strip());
            } catch (NumberFormatException e) {
                throw new SplitScopeException("--scales: '" + Printable.clean(part) + "' is not a number (e.g. 1,1.5,2)");
            }
            if (!(s >= MIN && s <= MAX)) {
                throw new SplitScopeException("--scales: " + Printable.clean(part.strip())
                        + " is outside 1 – 8 (the centre enlarged s times; 1 is the image as it is)");
            }
            if (out.contains(s)) {
                throw new SplitScopeException("--scales: " + label(s) + " is named twice");
            }
            out.add(s);
        }
        if (out.size() > MAX_SCALES) {
            throw new SplitScopeException("--scales: " + out.size() + " scales; at most " + MAX_SCALES);
        }
        out.sort(Double::compare);
        return List.copyOf(out);
    }

    /** 1 → "1", 1.5 → "1.5". */
    public static String label(double s) {
        return SkScaleShift.label(s);
    }

    /** The scale's folder in the output: {@code scale-1.5}. */
    public static String folder(double s) {
        return "scale-" + label(s);
    }

    /** "1×, 1.5×, 2×". */
    public static String words(List<Double> scales) {
        return SkScaleShift.words(scales);
    }

    /**
     * Runs (or, with {@code o.resume()}, continues) one analysis per scale into its folder; a scale
     * already finished is kept on resume (after checking it is of this model).
     *
     * @param progress per scale, what shows the progress of its pass
     * @throws DatasetAnalysis.Stopped naming the scale it stopped in
     */
    public static List<AnalysisRun> run(LoadedModel model, List<DatasetInput.Item> all, DatasetAnalysis.Options o,
            Path out, List<Double> scales, DoubleFunction<Progress> progress)
            throws SplitScopeException {
        AtomicFiles.requireWritableFolder(out);
        List<AnalysisRun> runs = new ArrayList<>();
        try (FolderLock lock = FolderLock.acquire(out, "analyze")) {
            String sha = model.sha256();
            describe(out, scales, model, sha);
            for (double s : scales) {
                Path dir = out.resolve(folder(s));
                Files.createDirectories(dir);
                if (o.resume() && Files.exists(dir.resolve("stats.json"))
                        && !Files.exists(dir.resolve(AnalysisRun.STATE_JSON))) {
                    AnalysisRun done = AnalysisRun.read(dir);
                    if (!Objects.equals(done.modelSha, sha) || !Objects.equals(done.scale, s == 1 ? null : s)) {
                        throw SavedRun.mismatch(dir, "the finished run there is of another model or scale");
                    }
                    runs.add(done);
                    continue;
                }
                try {
                    runs.add(DatasetAnalysis.run(model, all, o.atScale(s), dir, progress.apply(s)));
                } catch (DatasetAnalysis.Stopped stopped) {
                    throw new DatasetAnalysis.Stopped("at scale " + label(s) + "×: " + stopped.getMessage(), stopped.run());
                }
            }
            return runs;
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot write the statistics (" + e.getMessage() + ")", e);
        }
    }

    /** scales.json: the scales, the model, each block's mechanism and SK paths (kernel, dilation). */
    private static void describe(Path out, List<Double> scales, LoadedModel model, String sha) throws IOException {
        JsonObject json = new JsonObject();
        JsonArray s = new JsonArray();
        scales.forEach(s::add);
        json.add("scales", s);
        JsonArray folders = new JsonArray();
        scales.forEach(x -> folders.add(folder(x)));
        json.add("folders", folders); // for the reader's eye; the program derives them from the scales
        JsonObject m = new JsonObject();
        m.addProperty("name", model.name());
        m.addProperty("sha256", sha);
        json.add("model", m);
        JsonArray blocks = new JsonArray();
        for (ResidualBlock b : model.network().blocks()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", b.name());
            o.addProperty("mechanism", b.mechanism().key());
            JsonArray paths = new JsonArray();
            for (int[] p : b.paths()) {
                JsonArray kd = new JsonArray();
                kd.add(p[0]);
                kd.add(p[1]);
                paths.add(kd);
            }
            o.add("paths", paths);
            blocks.add(o);
        }
        json.add("blocks", blocks);
        byte[] text = new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json)
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out.resolve(JSON), o -> o.write(text));
    }

    /** Whether {@code dir} is an {@code analyze --scales} output (one run per scale) rather than one run. */
    public static boolean holdsScales(Path dir) {
        return Files.exists(dir.resolve(JSON)) && !Files.exists(dir.resolve("stats.json"));
    }

    /** The runs of an {@code analyze --scales} output, checked: one model, one set of groups and blocks, each at its scale. */
    public static Loaded read(Path dir) throws SplitScopeException {
        Path file = dir.resolve(JSON);
        if (!Files.exists(file)) {
            throw new SplitScopeException(dir + (Files.exists(dir.resolve("stats.json"))
                    ? ": an analyze run without scales; the sknet profile compares object scales: analyze --scales 1,1.5,2"
                    : ": no analyze --scales run there (no " + JSON + ")"));
        }
        SavedJson f = SavedJson.read(file, 1 << 20);
        JsonObject json = f.root();
        JsonArray array = f.array(json, "scales", "scales", MAX_SCALES);
        List<Double> scales = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            double s = f.number(array.get(i), "scales[" + i + "]", MIN, MAX);
            if (!scales.isEmpty() && s <= scales.get(scales.size() - 1)) {
                throw f.bad("scales", "are not in increasing order");
            }
            scales.add(s);
        }
        if (scales.isEmpty()) {
            throw f.bad("scales", "is empty");
        }
        String sha = f.string(f.object(json, "model", "model").get("sha256"), "model.sha256", true, 64);
        Map<String, int[][]> sk = new LinkedHashMap<>();
        Map<String, String> mechanisms = new LinkedHashMap<>();
        JsonArray blocks = f.array(json, "blocks", "blocks", SavedRun.MAX_BLOCKS);
        for (int j = 0; j < blocks.size(); j++) {
            String at = "blocks[" + j + "]";
            JsonObject b = f.object(blocks.get(j), at);
            String name = f.string(b.get("name"), at + ".name", false, 256);
            String mechanism = f.string(b.get("mechanism"), at + ".mechanism", false, 16);
            if (Mechanism.ofKey(mechanism).isEmpty()) {
                throw f.bad(at + ".mechanism", "is '" + Printable.clean(mechanism) + "', no mechanism SplitScope knows");
            }
            mechanisms.put(name, mechanism);
            JsonArray paths = f.array(b, "paths", at + ".paths", 16);
            int[][] kd = new int[paths.size()][];
            for (int m = 0; m < paths.size(); m++) {
                JsonArray p = paths.get(m).isJsonArray() ? paths.get(m).getAsJsonArray() : null;
                if (p == null || p.size() != 2) {
                    throw f.bad(at + ".paths[" + m + "]", "is not [kernel, dilation]");
                }
                kd[m] = new int[] {(int) f.whole(p.get(0), at + ".paths[" + m + "][0]", 1, 15),
                    (int) f.whole(p.get(1), at + ".paths[" + m + "][1]", 1, 16)};
            }
            if (mechanism.equals(Mechanism.SK.key())) {
                sk.put(name, kd);
            }
        }
        for (double s : scales) {
            if (!Files.exists(dir.resolve(folder(s)).resolve("stats.json"))) {
                throw new SplitScopeException(dir + ": the run at scale " + label(s) + "× is not finished (no "
                        + folder(s) + "/stats.json; analyze --scales … --resume continues it)");
            }
        }
        AnalysisRun first = run(dir, scales.get(0), sha, null);
        return new Loaded(List.copyOf(scales), dir, sha, first, sk, mechanisms);
    }

    private static AnalysisRun run(Path dir, double s, String sha, AnalysisRun first) throws SplitScopeException {
        Path sub = dir.resolve(folder(s));
        AnalysisRun run = AnalysisRun.read(sub);
        if (!Objects.equals(run.scale, s == 1 ? null : s)) {
            throw new SplitScopeException(sub + ": its stats.json says scale "
                    + (run.scale == null ? "1" : label(run.scale)) + ", not " + label(s));
        }
        if (!Objects.equals(run.modelSha, sha)) {
            throw new SplitScopeException(sub + ": made with another model than " + JSON + " names");
        }
        if (first != null && (!run.groups.equals(first.groups) || !run.stats.blocks().equals(first.stats.blocks()))) {
            throw new SplitScopeException(sub + ": its groups or blocks differ from those at scale "
                    + (first.scale == null ? "1" : label(first.scale)) + "×");
        }
        return run;
    }

    /** For messages: "SK" or the mechanism's words. */
    static String describe(Map<String, String> mechanisms) {
        return mechanisms.values().stream().filter(m -> !m.equals("none")).distinct()
                .map(m -> Mechanism.ofKey(m).orElseThrow().words()).reduce((a, b) -> a + ", " + b)
                .orElse("no attention");
    }
}
