package org.splitscope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.splitscope.SplitScopeException;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.knockout.KnockoutResult;
import org.splitscope.io.Npz64;

/**
 * Fuzz targets for the saved runs the program reads back (analyze's stats.json and stats.npz, a
 * knock-out's knockout.json): a reader may refuse only with a SplitScopeException whose message is
 * one clean line; anything else (a RuntimeException, an Error, a hang) is a finding. Each of the
 * pair stats.json/stats.npz is fuzzed with a fixed valid partner. {@code mvn -B test} replays the
 * seeds in {@code SavedRunFuzzTestInputs/<target>/}, valid files and files refused for a reason alike.
 */
class SavedRunFuzzTest {
    private static Path dir;

    /** A run of two groups over one block (R = 2, K = 1, C/K = 2): the partner of the fuzzed file. */
    static final String STATS_JSON = """
            {"groups": ["bag", "coat"], "counts": [2, 1],
             "accuracy": [{"labelled": 2, "top1": 0.5, "top5": 1.0, "top1Hits": 1, "top5Hits": 2},
                          {"labelled": 0, "top1": null, "top5": null, "top1Hits": 0, "top5Hits": 0}],
             "blocks": [{"name": "layer1.0", "radix": 2, "cardinality": 1, "groupChannels": 2}],
             "model": {"name": "fmnist-2s1x64d", "sha256": null}, "groupBy": "label", "shard": "1/1",
             "inputs": 4, "processed": 4, "skipped": [{"path": "x.png", "reason": "not an image"}], "seconds": 1.5}
            """;

    static Map<String, Npz64.Array> statsArrays() {
        Map<String, Npz64.Array> a = new LinkedHashMap<>();
        a.put("counts", new Npz64.Array(new double[] {2, 1}, new long[] {2}));
        a.put("layer1.0.attention.mean", new Npz64.Array(new double[] {0.4, 0.7, 0.6, 0.3, 0.5, 0.5, 0.5, 0.5},
                new long[] {2, 2, 1, 2}));
        a.put("layer1.0.attention.std", new Npz64.Array(new double[] {0.1, 0.2, 0.1, 0.2, 0, 0, 0, 0}, new long[] {2, 2, 1, 2}));
        a.put("layer1.0.gap.mean", new Npz64.Array(new double[] {1.5, -0.5, 2, 3}, new long[] {2, 1, 2}));
        a.put("layer1.0.gap.std", new Npz64.Array(new double[] {0.5, 0.25, 0, 0}, new long[] {2, 1, 2}));
        a.put("layer1.0.attention.all.mean", new Npz64.Array(new double[] {0.43, 0.63, 0.57, 0.37}, new long[] {2, 1, 2}));
        a.put("layer1.0.attention.all.std", new Npz64.Array(new double[] {0.1, 0.2, 0.1, 0.2}, new long[] {2, 1, 2}));
        a.put("layer1.0.gap.all.mean", new Npz64.Array(new double[] {1.67, 0.67}, new long[] {1, 2}));
        a.put("layer1.0.gap.all.std", new Npz64.Array(new double[] {0.47, 1.6}, new long[] {1, 2}));
        return a;
    }

    /** Where each target's fuzzed file goes, beside its fixed valid partner (written once). */
    private static Path jsonDir;
    private static Path npzDir;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("splitscope-fuzz-saved");
        jsonDir = Files.createDirectories(dir.resolve("json"));
        npzDir = Files.createDirectories(dir.resolve("npz"));
        try (OutputStream out = Files.newOutputStream(jsonDir.resolve("stats.npz"))) {
            Npz64.write(out, statsArrays());
        }
        Files.writeString(npzDir.resolve("stats.json"), STATS_JSON);
    }

    @AfterAll
    static void stop() throws IOException {
        org.splitscope.io.AtomicFiles.deleteTree(dir);
    }

    @FuzzTest(maxDuration = "2m")
    void statsJson(byte[] data) throws IOException {
        fuzzed(data);
        Files.write(jsonDir.resolve("stats.json"), data);
        readRun(jsonDir);
    }

    @FuzzTest(maxDuration = "2m")
    void statsNpz(byte[] data) throws IOException {
        fuzzed(data);
        Files.write(npzDir.resolve("stats.npz"), data);
        readRun(npzDir);
    }

    @FuzzTest(maxDuration = "2m")
    void knockoutJson(byte[] data) throws IOException {
        fuzzed(data);
        Files.write(dir.resolve(KnockoutResult.JSON), data);
        try {
            KnockoutResult k = KnockoutResult.read(dir);
            k.blocks().forEach(e -> requireFinite(e.deltaLogit() + e.deltaProbability() + e.top1Changed()));
        } catch (SplitScopeException expected) {
            requireOneLine(expected.getMessage());
        }
    }

    /**
     * The seeds reach both ends: the valid ones (valid*, fortran-order) are read, every other one is
     * refused with a clean message — so the replay exercises the refusal path, not only the happy one.
     */
    @org.junit.jupiter.api.Test
    void seedsAreReadOrRefusedAsTheirNamesSay() throws Exception {
        Path inputs = Path.of("src/test/resources/org/splitscope/fuzz/SavedRunFuzzTestInputs");
        int refused = 0;
        for (String target : java.util.List.of("statsJson", "statsNpz", "knockoutJson")) {
            try (var seeds = Files.list(inputs.resolve(target))) {
                for (Path seed : (Iterable<Path>) seeds.sorted()::iterator) {
                    byte[] data = Files.readAllBytes(seed);
                    Path file = dir.resolve(target.equals("statsNpz") ? "stats.npz" : target.equals("statsJson")
                            ? "stats.json" : KnockoutResult.JSON);
                    Files.writeString(dir.resolve("stats.json"), STATS_JSON);
                    try (OutputStream out = Files.newOutputStream(dir.resolve("stats.npz"))) {
                        Npz64.write(out, statsArrays());
                    }
                    Files.write(file, data);
                    fuzzed(data);
                    String name = seed.getFileName().toString();
                    boolean valid = name.startsWith("valid") || name.startsWith("fortran");
                    try {
                        if (target.equals("knockoutJson")) {
                            KnockoutResult.read(dir);
                        } else {
                            AnalysisRun.read(dir);
                        }
                        org.junit.jupiter.api.Assertions.assertTrue(valid, name + " was read");
                    } catch (SplitScopeException e) {
                        org.junit.jupiter.api.Assertions.assertFalse(valid, name + ": " + e.getMessage());
                        requireOneLine(e.getMessage());
                        refused++;
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(refused >= 15, refused + " seeds refused");
    }

    /** A run read back is one the figure can draw: finite, non-negative counts. */
    private static void readRun(Path dir) {
        try {
            AnalysisRun run = AnalysisRun.read(dir);
            for (int g = 0; g < run.groups().size(); g++) {
                if (run.stats().count(g) < 0) {
                    throw new IllegalStateException("negative count read back");
                }
            }
            for (int j = 0; j < run.stats().blocks().size(); j++) {
                for (double v : run.stats().allAttention(j).mean()) {
                    requireFinite(v);
                }
            }
        } catch (SplitScopeException expected) {
            requireOneLine(expected.getMessage());
        }
    }

    private static void requireFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("a non-finite value read back: " + v);
        }
    }

    /** The fuzzed input as text, for the check that a message names no class the input did not. */
    private static final ThreadLocal<String> input = ThreadLocal.withInitial(String::new);

    private static void fuzzed(byte[] data) {
        input.set(new String(data, StandardCharsets.ISO_8859_1));
    }

    /** What the user reads: one line, no raw control characters. */
    private static void requireOneLine(String message) {
        if (message == null || message.isBlank() || message.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalStateException("error message not one clean line: " + message);
        }
        // a class name that the input did not put there (names from the file are echoed, cleaned)
        for (String leak : new String[] {"Exception", "com.google", "java.lang", "gson"}) {
            if (message.contains(leak) && !input.get().contains(leak)) {
                throw new IllegalStateException("error message names a class: " + message);
            }
        }
    }
}
