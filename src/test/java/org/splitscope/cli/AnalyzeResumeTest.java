package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze's saved state: a finished run is never replaced by an unfinished one, and --resume goes on
 * only with the run it saved (same model, inputs, grouping, shard; files that agree), else says why.
 */
class AnalyzeResumeTest {
    @TempDir
    Path temp;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private static CliRunner.Run analyze(Path input, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--input", input.toString(), "--out",
                out.toString(), "--batch", "2", "--device", "cpu"));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static void edit(Path json, Consumer<JsonObject> change) throws Exception {
        JsonObject o = GSON.fromJson(Files.readString(json), JsonObject.class);
        change.accept(o);
        Files.writeString(json, GSON.toJson(o));
    }

    @Test
    void aFinishedRunIsNeverReplacedByAnUnfinishedOne() throws Exception {
        Path input = AnalyzeTest.folder(temp, 1);
        Path out = temp.resolve("out");
        CliRunner.Run first = analyze(input, out);
        assertEquals(0, first.status(), first.err());
        byte[] json = Files.readAllBytes(out.resolve("stats.json"));
        byte[] npz = Files.readAllBytes(out.resolve("stats.npz"));
        byte[] csv = Files.readAllBytes(out.resolve("summary.csv"));
        // a second run into the same folder, stopped part-way (as SIGTERM or the window's Stop would)
        CliRunner.Run second = analyze(input, out, "--stop-after", "4");
        assertEquals(130, second.status(), second.err());
        assertArrayEquals(json, Files.readAllBytes(out.resolve("stats.json")), "the finished run's stats.json stays");
        assertArrayEquals(npz, Files.readAllBytes(out.resolve("stats.npz")));
        assertArrayEquals(csv, Files.readAllBytes(out.resolve("summary.csv")));
        assertTrue(Files.isRegularFile(out.resolve("analyze-state.json")) && Files.isRegularFile(out.resolve("analyze-state.npz")));
        // the figure draws the finished run, not the partial state
        CliRunner.Run fig = CliRunner.run("figure", "--view", "dataset", "--stats", out.toString(), "--out",
                temp.resolve("f.svg").toString());
        assertEquals(0, fig.status(), fig.err());
        // resumed to its end, the new run replaces the old one and its state goes
        CliRunner.Run resumed = analyze(input, out, "--resume");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().startsWith("analysed 10 of 10 images in 10 groups"), resumed.out());
        assertFalse(Files.exists(out.resolve("analyze-state.json")) || Files.exists(out.resolve("analyze-state.npz")));
        CliRunner.Run again = analyze(input, out, "--resume");
        assertEquals(2, again.status());
        assertTrue(again.err().contains("nothing to resume (no analyze-state.json); the run there is finished"), again.err());
    }

    @Test
    void resumeRefusesWhatItCannotContinueAndSaysWhy() throws Exception {
        Path input = AnalyzeTest.folder(temp, 1);
        Path out = temp.resolve("out");
        assertEquals(130, analyze(input, out, "--stop-after", "4").status());
        Path state = out.resolve("analyze-state.json");
        byte[] saved = Files.readAllBytes(state);
        assertRefused(analyze(input, out, "--resume", "--model", "fmnist-4s1x64d"), "it was made with fmnist-2s1x64d");
        assertRefused(analyze(input, out, "--resume", "--group-by", "prediction"), "it groups by label, not by prediction");
        assertRefused(analyze(input, out, "--resume", "--shard", "1/2"), "it is shard 1/1, not 1/2");
        Path extra = input.resolve("bag").resolve("zz-extra.png");
        Files.copy(Path.of("resources/samples/fashion-mnist/bag-0030.png"), extra);
        assertRefused(analyze(input, out, "--resume"), "its inputs differ (10 saved, 11 now");
        Files.delete(extra);
        Files.move(input.resolve("bag").resolve("bag-0018.png"), input.resolve("bag").resolve("bag-9999.png"));
        assertRefused(analyze(input, out, "--resume"), "its inputs differ (10 saved, 10 now; other files, labels or order)");
        Files.move(input.resolve("bag").resolve("bag-9999.png"), input.resolve("bag").resolve("bag-0018.png"));
        assertArrayEquals(saved, Files.readAllBytes(state), "a refused resume leaves the state as it was");

        // the two files must agree and every number make sense
        edit(state, o -> o.addProperty("processed", 14));
        assertRefused(analyze(input, out, "--resume"), "analyze-state.json: field 'processed' is 14.0, outside 0 – 10");
        Files.write(state, saved);
        edit(state, o -> o.getAsJsonArray("accuracy").get(0).getAsJsonObject().addProperty("labelled", -1));
        assertRefused(analyze(input, out, "--resume"), "field 'accuracy[0].labelled' is -1.0, outside 0 – 1");
        Files.write(state, saved);
        edit(state, o -> {
            // self-consistent JSON that no longer matches the npz beside it
            o.getAsJsonArray("counts").set(0, new com.google.gson.JsonPrimitive(0));
            o.getAsJsonArray("accuracy").get(0).getAsJsonObject().addProperty("labelled", 0);
            o.getAsJsonArray("accuracy").get(0).getAsJsonObject().addProperty("top1Hits", 0);
            o.getAsJsonArray("accuracy").get(0).getAsJsonObject().addProperty("top5Hits", 0);
            o.addProperty("processed", 3);
        });
        assertRefused(analyze(input, out, "--resume"), "analyze-state.npz: counts[0] is 1.0 where the JSON says 0");
        Files.write(state, saved);
        CliRunner.Run ok = analyze(input, out, "--resume");
        assertEquals(0, ok.status(), ok.err());
    }

    private static void assertRefused(CliRunner.Run run, String why) {
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(why), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void accuracyThatCannotBeComputedIsSaidSo() throws Exception {
        Path input = Files.createDirectories(temp.resolve("odd"));
        Files.createDirectories(input.resolve("shoes"));
        Files.copy(Path.of("resources/samples/fashion-mnist/bag-0018.png"), input.resolve("shoes").resolve("a.png"));
        Path out = temp.resolve("out");
        CliRunner.Run run = analyze(input, out);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("analysed 1 of 1 image in 1 group → "), run.out());
        assertTrue(run.out().contains("; per-group accuracy not computed: no group name is a class of the model"), run.out());
        JsonObject json = new Gson().fromJson(Files.readString(out.resolve("stats.json")), JsonObject.class);
        assertEquals("per-group accuracy not computed: no group name is a class of the model",
                json.get("accuracyNote").getAsString());
        assertEquals("shoes", json.getAsJsonArray("groupsWithoutClass").get(0).getAsString());
        assertTrue(json.getAsJsonArray("accuracy").get(0).getAsJsonObject().get("top1").isJsonNull(), "JSON null");
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(csv.get(0).startsWith("# splitscope ") && csv.get(0).contains("model fmnist-2s1x64d sha256 "), csv.get(0));
        assertTrue(csv.get(1).startsWith("group,block,images,"), csv.get(1));
    }
}
