package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.FolderLock;

/** analyze merge counts every image once: what it refuses, what --expect and --partial do. */
class AnalyzeMergeTest {
    @TempDir
    Path temp;

    /** The 30 Fashion-MNIST samples as an ImageFolder (3 per class) under {@code name}. */
    private Path folder(String name) throws Exception {
        Path root = temp.resolve(name);
        try (var files = Files.list(Path.of("resources/samples/fashion-mnist"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".png")).sorted()::iterator) {
                String group = f.getFileName().toString().replaceAll("-\\d+\\.png$", "");
                Files.createDirectories(root.resolve(group));
                Files.copy(f, root.resolve(group).resolve(f.getFileName()));
            }
        }
        return root;
    }

    private Path analyze(Path input, String out, String... more) {
        List<String> args = new ArrayList<>(List.of("analyze", "--input", input.toString(), "--out",
                temp.resolve(out).toString(), "--batch", "1", "--device", "cpu"));
        args.addAll(List.of(more));
        CliRunner.Run r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return temp.resolve(out);
    }

    private CliRunner.Run merge(Object... args) {
        List<String> a = new ArrayList<>(List.of("analyze", "merge"));
        for (Object o : args) {
            a.add(o.toString());
        }
        return CliRunner.run(a.toArray(String[]::new));
    }

    private static JsonObject coverage(Path dir) throws Exception {
        Path json = Files.exists(dir.resolve("stats.json")) ? dir.resolve("stats.json") : dir.resolve("analyze-state.json");
        return new Gson().fromJson(Files.readString(json), JsonObject.class).getAsJsonObject("coverage");
    }

    private static void refused(CliRunner.Run r, String expected) {
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void shardsOfOneRunMergeAndAnythingCountedTwiceIsRefused() throws Exception {
        Path input = folder("fmnist");
        Path s1 = analyze(input, "s1", "--shard", "1/3");
        Path s2 = analyze(input, "s2", "--shard", "2/3");
        Path s3 = analyze(input, "s3", "--shard", "3/3");
        JsonObject c1 = coverage(s1);
        assertEquals(30, c1.get("inputCount").getAsInt());
        assertEquals(3, c1.get("of").getAsInt());
        assertEquals("[1]", c1.get("shards").toString());
        assertEquals("[2,3]", c1.get("missing").toString());
        assertTrue(c1.get("inputsSha256").getAsString().matches("[0-9a-f]{64}"));

        Path merged = temp.resolve("merged");
        CliRunner.Run ok = merge(s1, s2, s3, "--expect", "3", "--out", merged);
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("merged 3 runs (shard 1-3 of 3), 30 images"), ok.out());
        JsonObject c = coverage(merged);
        assertTrue(c.get("complete").getAsBoolean());
        assertFalse(c.get("partial").getAsBoolean());
        assertEquals("[1,2,3]", c.get("shards").toString());
        assertEquals(c1.get("inputsSha256"), c.get("inputsSha256"));

        refused(merge(s1, s2, temp.resolve("s2/../s2"), s3, "--out", temp.resolve("m1")), "is given twice");
        Path copy = temp.resolve("s2-copy");
        Files.createDirectories(copy);
        for (String f : List.of("stats.json", "stats.npz")) {
            Files.copy(s2.resolve(f), copy.resolve(f));
        }
        refused(merge(s1, s2, copy, s3, "--out", temp.resolve("m2")), "shard 2/3 is in both");
        refused(merge(merged, s2, "--out", temp.resolve("m3")), "shard 2/3 is in both");
        Path whole = analyze(input, "whole");
        refused(merge(whole, s1, s2, s3, "--out", temp.resolve("m4")), "is a run over all images and");
        refused(merge(s1, s2, s3, whole, "--out", temp.resolve("m4")), "whole is a run over all images");
        Path quarter = analyze(input, "q1", "--shard", "1/4");
        refused(merge(s2, s3, quarter, "--out", temp.resolve("m5")), "shards of another N overlap");
        refused(merge(s1, s2, s3, "--expect", "4", "--out", temp.resolve("m5")), "not shards of --expect 4");
        refused(merge(s1, s2, s3, "--out", s3), "is one of the runs being merged");
        assertEquals("[3]", coverage(s3).get("shards").toString(), "the shard is left as it was");

        // other inputs: one image fewer, or grouped by the prediction
        Path fewer = folder("fewer");
        Files.delete(fewer.resolve("bag/bag-0018.png"));
        Path other = analyze(fewer, "other", "--shard", "3/3");
        refused(merge(s1, s2, other, "--out", temp.resolve("m6")), "covers other inputs than");
        Path byPrediction = analyze(input, "pred", "--shard", "3/3", "--group-by", "prediction");
        refused(merge(s1, s2, byPrediction, "--out", temp.resolve("m6")), "grouped by prediction not label");

        // the same images in another place (a node's local copy) are the same inputs
        Path moved = analyze(folder("elsewhere"), "moved", "--shard", "3/3");
        assertEquals(0, merge(s1, s2, moved, "--out", temp.resolve("m7")).status());
    }

    @Test
    void missingOrUnfinishedShardsAreNamedAndMergedOnlyWithPartial() throws Exception {
        Path input = folder("fmnist");
        Path s1 = analyze(input, "s1", "--shard", "1/4");
        Path s3 = analyze(input, "s3", "--shard", "3/4");
        Path s4 = temp.resolve("s4");
        assertEquals(130, CliRunner.run("analyze", "--input", input.toString(), "--out", s4.toString(), "--batch", "1",
                "--device", "cpu", "--shard", "4/4", "--stop-after", "3").status());
        assertEquals("[4]", coverage(s4).get("incomplete").toString());
        CliRunner.Run otherShard = CliRunner.run("analyze", "--input", input.toString(), "--out", s4.toString(), "--batch",
                "1", "--device", "cpu", "--shard", "3/4", "--resume");
        refused(otherShard, "it is shard 4/4, not 3/4");
        CliRunner.Run r = merge(s1, s3, s4, "--expect", "4", "--out", temp.resolve("m"));
        refused(r, "shard 2 of 4 is missing; shard 4 of 4 is incomplete (" + s4 + " stopped at 3 of 7 images)");
        assertTrue(r.err().contains("--partial"), r.err());
        assertFalse(Files.exists(temp.resolve("m/stats.json")), "nothing written");
        refused(merge(s1, s3, "--out", temp.resolve("m")), "shards 2, 4 of 4 are missing");

        // a folder whose run has not saved yet, and one being written now
        Path empty = temp.resolve("s2");
        Files.createDirectories(empty);
        refused(merge(s1, empty, s3, "--out", temp.resolve("m")), "no analyze run there");
        try (FolderLock lock = FolderLock.acquire(s3)) {
            refused(merge(s1, s3, "--out", temp.resolve("m")), "an analyze is still writing there");
        }

        Path partial = temp.resolve("partial");
        CliRunner.Run p = merge(s1, empty, s3, s4, "--expect", "4", "--partial", "--out", partial);
        assertEquals(0, p.status(), p.err());
        assertTrue(p.err().contains("left out " + empty) && p.err().contains("partial merge: shard 2 of 4 is missing"),
                p.err());
        assertTrue(p.out().contains("merged 3 runs (shard 1, 3, 4 of 4, partial), 18 images"), p.out());
        JsonObject c = coverage(partial);
        assertTrue(c.get("partial").getAsBoolean());
        assertFalse(c.get("complete").getAsBoolean());
        assertEquals("[2]", c.get("missing").toString());
        assertEquals("[4]", c.get("incomplete").toString());

        // shard 4 resumed to its end, shard 2 run: now complete
        analyze(input, "s4", "--shard", "4/4", "--resume");
        analyze(input, "s2", "--shard", "2/4");
        CliRunner.Run done = merge(s1, empty, s3, s4, "--expect", "4", "--out", temp.resolve("all"));
        assertEquals(0, done.status(), done.err());
        assertTrue(coverage(temp.resolve("all")).get("complete").getAsBoolean());
    }

    @Test
    void aRunSavedBeforeCoverageWasRecordedSaysHowToRecordIt() throws Exception {
        Path input = folder("fmnist");
        Path s1 = analyze(input, "s1", "--shard", "1/2");
        Path s2 = analyze(input, "s2", "--shard", "2/2");
        JsonObject json = new Gson().fromJson(Files.readString(s2.resolve("stats.json")), JsonObject.class);
        json.remove("coverage");
        Files.writeString(s2.resolve("stats.json"), json.toString());
        refused(merge(s1, s2, "--out", temp.resolve("m")), "does not record which inputs it covers");
        analyze(input, "s2", "--shard", "2/2");
        assertEquals(0, merge(s1, s2, "--out", temp.resolve("m")).status());

        json = new Gson().fromJson(Files.readString(s2.resolve("stats.json")), JsonObject.class);
        json.getAsJsonObject("coverage").addProperty("of", -1);
        Files.writeString(s2.resolve("stats.json"), json.toString());
        refused(merge(s1, s2, "--out", temp.resolve("m")), "coverage.of");
    }
}
