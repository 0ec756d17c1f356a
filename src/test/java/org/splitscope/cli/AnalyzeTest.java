package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;
import org.splitscope.io.Npz64;

/** analyze: the statistics of capture.npz over the same images, exact across shards and resumes. */
class AnalyzeTest {
    @TempDir
    Path temp;

    /** The 30 Fashion-MNIST samples as an ImageFolder: ankle-boot/, bag/, … (3 each). */
    private Path folder() throws Exception {
        return folder(temp, 3);
    }

    /** The samples as an ImageFolder, {@code perGroup} of each group's three. */
    static Path folder(Path temp, int perGroup) throws Exception {
        Path root = temp.resolve("fmnist");
        try (var files = Files.list(Path.of("resources/samples/fashion-mnist"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".png")).sorted()::iterator) {
                String group = f.getFileName().toString().replaceAll("-\\d+\\.png$", "");
                Files.createDirectories(root.resolve(group));
                try (var present = Files.list(root.resolve(group))) {
                    if (present.count() >= perGroup) {
                        continue;
                    }
                }
                Files.copy(f, root.resolve(group).resolve(f.getFileName()));
            }
        }
        return root;
    }

    private static Map<String, Npz64.Array> stats(Path out) throws Exception {
        return Npz64.read(out.resolve("stats.npz"));
    }

    private static void assertClose(Npz64.Array want, Npz64.Array got, double tolerance, String what) {
        assertEquals(want.data().length, got.data().length, what);
        for (int i = 0; i < want.data().length; i++) {
            double w = want.data()[i];
            assertEquals(w, got.data()[i], tolerance * Math.max(1, Math.abs(w)), what + "[" + i + "]");
        }
    }

    @Test
    void statisticsEqualThoseOfTheCaptureOverTheSameImages() throws Exception {
        Path input = folder();
        Path out = temp.resolve("stats");
        CliRunner.Run run = CliRunner.run("analyze", "--input", input.toString(), "--out", out.toString(), "--batch", "4",
                "--device", "cpu");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("analysed 30 of 30 images in 10 groups"), run.out());
        assertFalse(run.out().contains("accuracy not computed"), "every folder name is a class: " + run.out());
        // capture the same images in the same order: groups by name, images by name
        List<String> files = new ArrayList<>();
        try (var groups = Files.list(input)) {
            for (Path g : (Iterable<Path>) groups.sorted()::iterator) {
                try (var images = Files.list(g)) {
                    images.sorted().forEach(p -> files.add(p.toString()));
                }
            }
        }
        List<String> args = new ArrayList<>(List.of("capture", "--out", temp.resolve("cap").toString(), "--device",
                "cpu", "--input"));
        args.addAll(files);
        assertEquals(0, CliRunner.run(args.toArray(String[]::new)).status());
        Map<String, Npz64.Array> s = stats(out);
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> cap = TestSupport.decode(manager, temp.resolve("cap/capture.npz"));
            for (String block : List.of("layer1.0", "layer3.1")) {
                float[] a = cap.get(block + ".attention").toFloatArray();
                int per = a.length / 30;
                double[] mean = new double[10 * per];
                double[] std = new double[10 * per];
                for (int g = 0; g < 10; g++) {
                    for (int k = 0; k < per; k++) {
                        double sum = 0;
                        for (int i = 0; i < 3; i++) {
                            sum += a[(g * 3 + i) * per + k];
                        }
                        double m = sum / 3;
                        double sq = 0;
                        for (int i = 0; i < 3; i++) {
                            sq += Math.pow(a[(g * 3 + i) * per + k] - m, 2);
                        }
                        mean[g * per + k] = m;
                        std[g * per + k] = Math.sqrt(sq / 3);
                    }
                }
                assertClose(new Npz64.Array(mean, null), s.get(block + ".attention.mean"), 1e-5, block + " mean");
                assertClose(new Npz64.Array(std, null), s.get(block + ".attention.std"), 1e-5, block + " std");
                assertEquals(List.of(10L, 2L, 1L, (long) per / 2),
                        java.util.Arrays.stream(s.get(block + ".attention.mean").shape()).boxed().toList());
            }
        }
        JsonObject json = new Gson().fromJson(Files.readString(out.resolve("stats.json")), JsonObject.class);
        assertEquals("ankle-boot", json.getAsJsonArray("groups").get(0).getAsString());
        assertEquals(3, json.getAsJsonArray("counts").get(0).getAsInt());
        assertEquals(3, json.getAsJsonArray("accuracy").get(0).getAsJsonObject().get("labelled").getAsInt(),
                "ankle-boot matches the class name Ankle boot");
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(summary.get(0).startsWith("# splitscope ") && summary.get(0).contains("30 of 30 inputs"), summary.get(0));
        assertTrue(summary.get(1).startsWith("group,block,images,mean_entropy"), summary.get(1));

        // the dataset figure, from the statistics alone
        Path pdf = temp.resolve("dataset.pdf");
        CliRunner.Run fig = CliRunner.run("figure", "--view", "dataset", "--stats", out.toString(), "--block", "layer2.0",
                "--out", pdf.toString());
        assertEquals(0, fig.status(), fig.err());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("layer2.0") && text.contains("ankle-boot (3)") && text.contains("all images"), text);
        }
        assertEquals(2, CliRunner.run("figure", "--view", "dataset", "--out", pdf.toString()).status(), "no --stats");
    }

    @Test
    void shardsMergeAndResumedRunsEqualOneRun() throws Exception {
        Path input = folder();
        Path whole = temp.resolve("whole");
        // batch 1 throughout: a forward's float rounding depends on the batch it is in, the merge must not
        assertEquals(0, CliRunner.run("analyze", "--input", input.toString(), "--out", whole.toString(), "--batch", "1",
                "--device", "cpu").status());
        for (String shard : List.of("1/3", "2/3", "3/3")) {
            CliRunner.Run r = CliRunner.run("analyze", "--input", input.toString(), "--out",
                    temp.resolve("s" + shard.charAt(0)).toString(), "--shard", shard, "--batch", "1", "--device", "cpu");
            assertEquals(0, r.status(), r.err());
        }
        Path merged = temp.resolve("merged");
        CliRunner.Run m = CliRunner.run("analyze", "merge", temp.resolve("s1").toString(), temp.resolve("s2").toString(),
                temp.resolve("s3").toString(), "--out", merged.toString());
        assertEquals(0, m.status(), m.err());
        Path resumed = temp.resolve("resumed");
        CliRunner.Run stopped = CliRunner.run("analyze", "--input", input.toString(), "--out", resumed.toString(), "--batch",
                "1", "--stop-after", "11", "--device", "cpu");
        assertEquals(130, stopped.status(), stopped.err());
        assertEquals("stopped after 11 of 30 images (saved; --resume continues)", stopped.err().strip());
        assertEquals(11, new Gson().fromJson(Files.readString(resumed.resolve("analyze-state.json")), JsonObject.class)
                .get("processed").getAsInt(), "stopped as if interrupted, state saved");
        assertFalse(Files.exists(resumed.resolve("stats.json")), "an unfinished run writes no stats.json");
        CliRunner.Run resume = CliRunner.run("analyze", "--input", input.toString(), "--out", resumed.toString(), "--batch",
                "1", "--resume", "--device", "cpu");
        assertEquals(0, resume.status(), resume.err());
        assertTrue(resume.out().contains("(resumed at image 11)"), resume.out());
        assertFalse(Files.exists(resumed.resolve("analyze-state.json")), "the finished run's state is gone");
        CliRunner.Run fresh = CliRunner.run("analyze", "--input", input.toString(), "--out", temp.resolve("fresh").toString(),
                "--batch", "1", "--resume", "--device", "cpu", "--stop-after", "2");
        assertEquals(130, fresh.status(), "--resume with nothing saved yet starts from the first image: " + fresh.err());
        assertFalse(fresh.err().contains("nothing to resume"), fresh.err());
        assertTrue(Files.exists(temp.resolve("fresh").resolve("analyze-state.json")), "it saved its own state");
        Map<String, Npz64.Array> one = stats(whole);
        for (Path other : List.of(merged, resumed)) {
            Map<String, Npz64.Array> got = stats(other);
            assertEquals(one.keySet(), got.keySet());
            for (String key : one.keySet()) {
                assertClose(one.get(key), got.get(key), 1e-9, other.getFileName() + " " + key);
            }
        }
    }

    @Test
    void unreadableImagesAreSkippedAndListed() throws Exception {
        Path input = folder();
        Files.write(input.resolve("bag").resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Path out = temp.resolve("skip");
        CliRunner.Run run = CliRunner.run("analyze", "--input", input.toString(), "--out", out.toString(), "--device", "cpu");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("analysed 30 of 31 images") && run.out().contains("1 skipped"), run.out());
        JsonObject json = new Gson().fromJson(Files.readString(out.resolve("stats.json")), JsonObject.class);
        assertTrue(json.getAsJsonArray("skipped").get(0).getAsJsonObject().get("path").getAsString()
                .endsWith("broken.png"));
        assertEquals(3, json.getAsJsonArray("counts").get(1).getAsInt(), "bag keeps its three readable images");
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        Path input = folder();
        Files.createDirectories(input.resolve("zz-empty"));
        CliRunner.Run empty = CliRunner.run("analyze", "--input", input.toString(), "--out", temp.resolve("o").toString());
        assertEquals(2, empty.status());
        assertTrue(empty.err().contains("group 'zz-empty' has no images"), empty.err());
        CliRunner.Run shard = CliRunner.run("analyze", "--input", input.toString(), "--out", temp.resolve("o").toString(),
                "--shard", "4/3");
        assertTrue(shard.err().contains("--shard '4/3': I/N with 1 ≤ I ≤ N"), shard.err());
        CliRunner.Run nothing = CliRunner.run("analyze", "--input", temp.resolve("o").toString(), "--out",
                temp.resolve("o2").toString(), "--resume");
        assertEquals(2, nothing.status());
    }
}
