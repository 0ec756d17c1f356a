package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;
import org.splitscope.io.Npz64;
import org.splitscope.train.FashionMnist;

/**
 * Every output of analyze against a computation of its own from {@code capture} over the same images
 * (two-pass mean and population std, entropy and top-k from the logits, written here independently of
 * the streaming code): the all-images and GAP statistics, top-1/top-5 per group, the model's SHA-256,
 * summary.csv, {@code --labels-from FILE.csv}, {@code --group-by prediction}, and the state a stopped
 * run saves.
 */
class AnalyzeOutputsTest {
    private static final double TOL = 1e-5;

    @TempDir
    static Path temp;

    /** The images in analyze's order (groups by folder name, images by name), their folder, the capture. */
    private static Path input;
    private static final List<Path> files = new ArrayList<>();
    private static final List<String> folderOf = new ArrayList<>();
    private static final Map<String, float[]> capture = new HashMap<>();
    private static final Map<String, long[]> shapes = new HashMap<>();
    private static float[] logits;
    private static List<String> blocks;

    @BeforeAll
    static void captureTheSameImages() throws Exception {
        input = temp.resolve("fmnist");
        try (var all = Files.list(Path.of("resources/samples/fashion-mnist"))) {
            for (Path f : (Iterable<Path>) all.filter(p -> p.toString().endsWith(".png")).sorted()::iterator) {
                String group = f.getFileName().toString().replaceAll("-\\d+\\.png$", "");
                Files.createDirectories(input.resolve(group));
                Files.copy(f, input.resolve(group).resolve(f.getFileName()));
            }
        }
        try (var groups = Files.list(input)) {
            for (Path g : (Iterable<Path>) groups.sorted()::iterator) {
                try (var images = Files.list(g)) {
                    for (Path p : (Iterable<Path>) images.sorted()::iterator) {
                        files.add(p);
                        folderOf.add(g.getFileName().toString());
                    }
                }
            }
        }
        List<String> args = new ArrayList<>(List.of("capture", "--out", temp.resolve("cap").toString(), "--device", "cpu",
                "--input"));
        files.forEach(f -> args.add(f.toString()));
        CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        try (NDManager manager = TestSupport.manager()) {
            for (Map.Entry<String, NDArray> e : TestSupport.decode(manager, temp.resolve("cap/capture.npz")).entrySet()) {
                capture.put(e.getKey(), e.getValue().toFloatArray());
                shapes.put(e.getKey(), e.getValue().getShape().getShape());
            }
        }
        logits = capture.get("logits");
        blocks = capture.keySet().stream().filter(k -> k.endsWith(".attention"))
                .map(k -> k.substring(0, k.length() - ".attention".length())).sorted().toList();
        assertEquals(6, blocks.size(), capture.keySet().toString());
    }

    private static Path analyze(String name, String... extra) {
        return analyze(0, name, extra);
    }

    private static Path analyze(int status, String name, String... extra) {
        Path out = temp.resolve(name);
        List<String> args = new ArrayList<>(List.of("analyze", "--input", input.toString(), "--out", out.toString(),
                "--batch", "4", "--device", "cpu"));
        args.addAll(List.of(extra));
        CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(status, run.status(), run.err());
        return out;
    }

    // ---------------------------------------------------------------- the independent computation

    private static int n() {
        return files.size();
    }

    private static int classes() {
        return logits.length / n();
    }

    /** Two-pass mean and population std over the images {@code in} selects, per element. */
    private static double[][] moments(String key, IntPredicate in) {
        float[] a = capture.get(key);
        int per = a.length / n();
        double[] mean = new double[per];
        double[] std = new double[per];
        int count = 0;
        for (int i = 0; i < n(); i++) {
            if (in.test(i)) {
                count++;
                for (int k = 0; k < per; k++) {
                    mean[k] += a[i * per + k];
                }
            }
        }
        for (int k = 0; k < per; k++) {
            mean[k] /= count;
        }
        for (int i = 0; i < n(); i++) {
            if (in.test(i)) {
                for (int k = 0; k < per; k++) {
                    std[k] += Math.pow(a[i * per + k] - mean[k], 2);
                }
            }
        }
        for (int k = 0; k < per; k++) {
            std[k] = Math.sqrt(std[k] / count);
        }
        return new double[][] {mean, std};
    }

    /** Classes by descending logit. */
    private static List<Integer> ranked(int image) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < classes(); c++) {
            order.add(c);
        }
        order.sort((x, y) -> Float.compare(logits[image * classes() + y], logits[image * classes() + x]));
        return order;
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static void assertClose(double[] want, Npz64.Array got, String what) {
        assertEquals(want.length, got.data().length, what);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got.data()[i], TOL * Math.max(1, Math.abs(want[i])), what + "[" + i + "]");
        }
    }

    /** Group g's slice of a [G, …] statistic. */
    private static Npz64.Array slice(Npz64.Array a, int g) {
        int per = a.data().length / (int) a.shape()[0];
        return new Npz64.Array(java.util.Arrays.copyOfRange(a.data(), g * per, (g + 1) * per), null);
    }

    /** Every group's and the all-images statistics of every block, for groups given per image. */
    private static void assertStatistics(Path out, List<String> groups, List<String> groupOf, int processed) throws Exception {
        assertNpz(out.resolve("stats.npz"), groups, groupOf, processed);
    }

    private static void assertNpz(Path npz, List<String> groups, List<String> groupOf, int processed) throws Exception {
        Map<String, Npz64.Array> s = Npz64.read(npz);
        IntPredicate done = i -> i < processed;
        double[] counts = new double[groups.size()];
        for (int i = 0; i < processed; i++) {
            counts[groups.indexOf(groupOf.get(i))]++;
        }
        assertClose(counts, s.get("counts"), "counts");
        for (String block : blocks) {
            for (String what : List.of("attention", "gap")) {
                String key = block + "." + what;
                double[][] all = moments(key, done);
                assertClose(all[0], s.get(key + ".all.mean"), key + ".all.mean");
                assertClose(all[1], s.get(key + ".all.std"), key + ".all.std");
                for (int g = 0; g < groups.size(); g++) {
                    if (counts[g] == 0) {
                        continue;
                    }
                    String group = groups.get(g);
                    double[][] m = moments(key, i -> done.test(i) && groupOf.get(i).equals(group));
                    assertClose(m[0], slice(s.get(key + ".mean"), g), key + ".mean " + group);
                    assertClose(m[1], slice(s.get(key + ".std"), g), key + ".std " + group);
                }
            }
        }
    }

    private static JsonObject json(Path out) throws Exception {
        return json(out, "stats.json");
    }

    private static JsonObject json(Path out, String name) throws Exception {
        return new Gson().fromJson(Files.readString(out.resolve(name)), JsonObject.class);
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    // ---------------------------------------------------------------- tests

    @Test
    void groupAndAllImagesStatisticsTopKAndTheModelsHash() throws Exception {
        Path out = analyze("folders");
        List<String> groups = List.copyOf(new TreeSet<>(folderOf));
        assertStatistics(out, groups, folderOf, n());

        JsonObject json = json(out);
        assertEquals(groups, strings(json.getAsJsonArray("groups")));
        List<String> labels = FashionMnist.LABELS;
        for (int g = 0; g < groups.size(); g++) {
            String group = groups.get(g);
            int truth = labels.stream().map(AnalyzeOutputsTest::key).toList().indexOf(key(group));
            assertTrue(truth >= 0, group + " is a class name");
            int hits1 = 0;
            int hits5 = 0;
            int labelled = 0;
            for (int i = 0; i < n(); i++) {
                if (folderOf.get(i).equals(group)) {
                    labelled++;
                    hits1 += ranked(i).get(0) == truth ? 1 : 0;
                    hits5 += ranked(i).subList(0, 5).contains(truth) ? 1 : 0;
                }
            }
            JsonObject acc = json.getAsJsonArray("accuracy").get(g).getAsJsonObject();
            assertEquals(labelled, acc.get("labelled").getAsInt(), group);
            assertEquals(hits1, acc.get("top1Hits").getAsInt(), group + " top-1");
            assertEquals(hits5, acc.get("top5Hits").getAsInt(), group + " top-5");
            assertEquals((double) hits1 / labelled, acc.get("top1").getAsDouble(), 1e-12, group);
            assertEquals((double) hits5 / labelled, acc.get("top5").getAsDouble(), 1e-12, group);
        }

        // the model's SHA-256: of the bundled file it ran (no --model: the default)
        JsonObject model = json.getAsJsonObject("model");
        Path file = Path.of("models", model.get("name").getAsString() + ".safetensors");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(sha, model.get("sha256").getAsString());

        assertSummary(out, groups);
    }

    /**
     * summary.csv: per group and block, from the group's mean attention a[r, c] (c over K·C/K channels):
     * mean over c of the entropy of a[·, c] divided by ln R; dominance = mean over c of max_r a[r, c];
     * the split with the largest mean weight, and that mean.
     */
    private static void assertSummary(Path out, List<String> groups) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(lines.get(0).startsWith("# splitscope ") && lines.get(0).contains(" sha256 "), lines.get(0));
        lines = lines.subList(1, lines.size());
        assertEquals("group,block,images,mean_entropy,dominance,preferred_split,preferred_split_mean", lines.get(0));
        assertEquals(1 + groups.size() * blocks.size(), lines.size());
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.put(f[0] + " " + f[1], f);
        }
        for (String group : groups) {
            for (String block : blocks) {
                String[] row = rows.get(group + " " + block);
                assertTrue(row != null, "summary.csv lacks " + group + " × " + block);
                long[] shape = shapes.get(block + ".attention");
                int radix = (int) shape[1];
                int per = (int) (shape[2] * shape[3]);
                double[] a = moments(block + ".attention", i -> folderOf.get(i).equals(group))[0];
                double entropy = 0;
                double dominance = 0;
                double[] split = new double[radix];
                for (int c = 0; c < per; c++) {
                    double h = 0;
                    double max = 0;
                    for (int r = 0; r < radix; r++) {
                        double v = a[r * per + c];
                        h -= v * Math.log(v);
                        max = Math.max(max, v);
                        split[r] += v / per;
                    }
                    entropy += h / Math.log(radix) / per;
                    dominance += max / per;
                }
                int preferred = split[1] > split[0] ? 1 : 0;
                for (int r = 2; r < radix; r++) {
                    preferred = split[r] > split[preferred] ? r : preferred;
                }
                String what = group + " × " + block;
                assertEquals(3, Integer.parseInt(row[2]), what + " images");
                assertEquals(entropy, Double.parseDouble(row[3]), 2e-6, what + " mean_entropy");
                assertEquals(dominance, Double.parseDouble(row[4]), 2e-6, what + " dominance");
                assertEquals(preferred, Integer.parseInt(row[5]), what + " preferred_split");
                assertEquals(split[preferred], Double.parseDouble(row[6]), 2e-6, what + " preferred_split_mean");
            }
        }
    }

    /** Groups from a CSV (paths relative to it), not from the folders: here tops against the rest. */
    @Test
    void labelsFromACsvFile() throws Exception {
        Set<String> tops = Set.of("t-shirt-top", "shirt", "pullover", "coat", "dress");
        StringBuilder csv = new StringBuilder("path,label\n");
        List<String> groupOf = new ArrayList<>();
        for (int i = 0; i < n(); i++) {
            String label = tops.contains(folderOf.get(i)) ? "tops" : "other things";
            groupOf.add(label);
            csv.append(input.relativize(files.get(i))).append(',').append(label).append('\n');
        }
        Path list = Files.writeString(input.resolve("labels.csv"), csv.toString());
        Path out = analyze("csv", "--labels-from", list.toString());
        List<String> groups = List.of("other things", "tops");
        assertEquals(groups, strings(json(out).getAsJsonArray("groups")));
        assertStatistics(out, groups, groupOf, n());
        assertEquals(0, json(out).getAsJsonArray("accuracy").get(1).getAsJsonObject().get("labelled").getAsInt(),
                "'tops' is no class name: no accuracy");
        Files.delete(list);
    }

    /** Groups are the model's classes, each image in the group of its top-1 class. */
    @Test
    void groupByPrediction() throws Exception {
        Path out = analyze("predicted", "--group-by", "prediction");
        List<String> groups = FashionMnist.LABELS;
        List<String> groupOf = new ArrayList<>();
        for (int i = 0; i < n(); i++) {
            groupOf.add(groups.get(ranked(i).get(0)));
        }
        assertEquals(groups, strings(json(out).getAsJsonArray("groups")));
        assertStatistics(out, groups, groupOf, n());
    }

    /** A run that stops (as on Ctrl+C) has saved the statistics of exactly the images it finished. */
    @Test
    void aStoppedRunHasSavedWhatItDid() throws Exception {
        Path out = analyze(130, "stopped", "--stop-after", "12");
        assertEquals(12, json(out, "analyze-state.json").get("processed").getAsInt());
        assertNpz(out.resolve("analyze-state.npz"), List.copyOf(new TreeSet<>(folderOf)), folderOf, 12);
        assertFalse(Files.exists(out.resolve("stats.json")), "a stopped run writes its state, not finished statistics");
    }
}
