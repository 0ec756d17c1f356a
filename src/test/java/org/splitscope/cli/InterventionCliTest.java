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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;
import org.splitscope.capture.Prediction;

/**
 * capture --intervene and knockout end to end on the bundled default model (radix 2, blocks
 * layer1.0 … layer3.1) and the Fashion-MNIST samples.
 */
class InterventionCliTest {
    @TempDir
    Path temp;

    private final List<String> images = new ArrayList<>();

    @BeforeEach
    void samples() throws Exception {
        try (var files = Files.list(Path.of("resources/samples/fashion-mnist"))) {
            files.filter(p -> p.toString().endsWith(".png")).sorted().forEach(p -> images.add(p.toString()));
        }
    }

    private CliRunner.Run capture(Path out, List<String> files, String... extra) {
        List<String> args = new ArrayList<>(List.of("capture", "--out", out.toString(), "--device", "cpu", "--batch",
                "16"));
        args.addAll(List.of(extra));
        args.add("--input");
        args.addAll(files);
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static JsonObject json(Path file) throws Exception {
        return new Gson().fromJson(Files.readString(file), JsonObject.class);
    }

    @Test
    void captureRecordsTheInterventionsAndTheAttentionUsed() throws Exception {
        Path out = temp.resolve("forced");
        CliRunner.Run run = capture(out, images.subList(0, 4), "--intervene", "layer2.0=uniform", "--intervene",
                "layer3.1=onehot:1");
        assertEquals(0, run.status(), run.err());
        Path plainOut = temp.resolve("plain");
        assertEquals(0, capture(plainOut, images.subList(0, 4)).status());

        JsonArray recorded = json(out.resolve("capture.json")).getAsJsonArray("interventions");
        assertEquals(2, recorded.size());
        assertEquals("layer2.0", recorded.get(0).getAsJsonObject().get("block").getAsString());
        assertEquals("uniform", recorded.get(0).getAsJsonObject().get("mode").getAsString());
        assertEquals("layer3.1", recorded.get(1).getAsJsonObject().get("block").getAsString());
        assertEquals("onehot:1", recorded.get(1).getAsJsonObject().get("mode").getAsString());
        assertEquals(0, json(plainOut.resolve("capture.json")).getAsJsonArray("interventions").size());

        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> forced = TestSupport.decode(manager, out.resolve("capture.npz"));
            Map<String, NDArray> plain = TestSupport.decode(manager, plainOut.resolve("capture.npz"));
            for (float a : forced.get("layer2.0.attention").toFloatArray()) {
                assertEquals(0.5f, a);
            }
            float[] onehot = forced.get("layer3.1.attention").toFloatArray(); // [4, 2, 1, C]: split 1 only
            int per = onehot.length / 8;
            for (int i = 0; i < onehot.length; i++) {
                assertEquals((i / per) % 2 == 1 ? 1f : 0f, onehot[i], "layer3.1 attention[" + i + "]");
            }
            // blocks before the first intervention see the same input: unchanged; the logits are not
            assertEquals(0, TestSupport.maxAbsDiff(plain.get("layer1.1.attention").toFloatArray(),
                    forced.get("layer1.1.attention").toFloatArray()));
            float[] logits = forced.get("logits").toFloatArray();
            assertTrue(TestSupport.maxAbsDiff(plain.get("logits").toFloatArray(), logits) > 1e-3);
            // capture.json's top-5 come from the intervened logits
            int classes = logits.length / 4;
            float[] first = java.util.Arrays.copyOf(logits, classes);
            double p = json(out.resolve("capture.json")).getAsJsonArray("inputs").get(0).getAsJsonObject()
                    .getAsJsonArray("top5").get(0).getAsJsonObject().get("probability").getAsDouble();
            assertEquals(Prediction.top(first, 1, java.util.Collections.nCopies(classes, "")).get(0).probability(), p,
                    1e-12);
        }
    }

    @Test
    void badInterventionsAreOneErrorLineAndNoFiles() {
        String[][] cases = {
            {"layer2.0", "write BLOCK=MODE"},
            {"layer2.0=zero", "the mode is uniform, onehot:R or scale:R:F"},
            {"layer9.9=uniform", "no split-attention block 'layer9.9' (blocks: layer1.0 … layer3.1, or all)"},
            {"layer2.0=onehot:2", "split 2 does not exist: layer2.0 has R = 2 (r = 0 … 1)"},
            {"all=scale:3:1", "split 3 does not exist: the blocks have R = 2"},
            {"layer2.0=scale:0:-1", "must be a finite number ≥ 0"},
            {"layer2.0=scale:0:inf", "must be a finite number ≥ 0"},
            {"layer2.0=scale:0:1e39", "at most 3.4028235E38 (float32)"},
        };
        for (String[] c : cases) {
            Path out = temp.resolve("bad" + c[0].hashCode());
            CliRunner.Run run = capture(out, images.subList(0, 1), "--intervene", c[0]);
            assertEquals(2, run.status(), c[0]);
            assertTrue(run.err().startsWith("error: intervention '" + c[0] + "': "), run.err());
            assertTrue(run.err().contains(c[1]), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(Files.exists(out.resolve("capture.npz")) || Files.exists(out.resolve("capture.json")), c[0]);
        }
        CliRunner.Run twice = capture(temp.resolve("twice"), images.subList(0, 1), "--intervene", "layer2.0=uniform",
                "--intervene", "layer2.0=onehot:0");
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("layer2.0 is given more than one intervention"), twice.err());
        CliRunner.Run knockout = CliRunner.run("knockout", "--input", "resources/samples/fashion-mnist", "--mode",
                "onehot:5", "--out", temp.resolve("k").toString(), "--device", "cpu");
        assertEquals(2, knockout.status());
        assertTrue(knockout.err().startsWith("error: intervention 'all=onehot:5': split 5 does not exist"),
                knockout.err());
        assertFalse(Files.exists(temp.resolve("k/knockout.csv")));
    }

    /** The 30 samples as an ImageFolder, ankle-boot/ … trouser/: every folder names a model class. */
    private Path labelledFolder() throws Exception {
        Path root = temp.resolve("fmnist");
        for (String image : images) {
            Path f = Path.of(image);
            String group = f.getFileName().toString().replaceAll("-\\d+\\.png$", "");
            Files.createDirectories(root.resolve(group));
            Files.copy(f, root.resolve(group).resolve(f.getFileName()));
        }
        return root;
    }

    @Test
    void knockoutWithoutEffectChangesNothingAndOneWithEffectIsWhatCaptureSees() throws Exception {
        Path labelled = labelledFolder();
        Path none = temp.resolve("none");
        CliRunner.Run identity = CliRunner.run("knockout", "--input", labelled.toString(), "--mode", "scale:0:1", "--out",
                none.toString(), "--batch", "7", "--device", "cpu");
        assertEquals(0, identity.status(), identity.err());
        JsonObject zero = json(none.resolve("knockout.json"));
        assertEquals(30, zero.get("images").getAsInt());
        assertEquals(30, zero.get("labelled").getAsInt());
        assertEquals("true class", zero.get("target").getAsString());
        assertEquals("scale:0:1", zero.get("mode").getAsString());
        assertEquals(64, zero.getAsJsonObject("model").get("sha256").getAsString().length());
        JsonArray blocks = zero.getAsJsonArray("blocks");
        List<String> names = new ArrayList<>();
        for (var b : blocks) {
            JsonObject o = b.getAsJsonObject();
            names.add(o.get("block").getAsString());
            for (String k : List.of("deltaLogit", "deltaProbability", "deltaTop1", "top1Changed")) {
                assertEquals(0.0, o.get(k).getAsDouble(), o + " " + k);
            }
        }
        assertEquals(List.of("layer1.0", "layer1.1", "layer2.0", "layer2.1", "layer3.0", "layer3.1"), names);

        // unlabelled: the target is the plain network's top class, as a capture with and without shows
        Path out = temp.resolve("uniform");
        CliRunner.Run sweep = CliRunner.run("knockout", "--input", "resources/samples/fashion-mnist", "--out",
                out.toString(), "--batch", "8", "--device", "cpu");
        assertEquals(0, sweep.status(), sweep.err());
        JsonObject k = json(out.resolve("knockout.json"));
        assertEquals(0, k.get("labelled").getAsInt());
        assertTrue(k.get("top1").isJsonNull());
        List<String> csv = Files.readAllLines(out.resolve("knockout.csv"));
        assertTrue(csv.get(0).startsWith("# splitscope ") && csv.get(0).contains("; mode uniform;")
                && csv.get(0).contains("30 images, 0 labelled"), csv.get(0));
        csv = csv.subList(1, csv.size());
        assertEquals("block,stage,delta_logit,delta_probability,delta_top1,top1_changed", csv.get(0));
        assertEquals(7, csv.size());
        for (int b = 0; b < 6; b++) {
            JsonObject o = k.getAsJsonArray("blocks").get(b).getAsJsonObject();
            String[] row = csv.get(b + 1).split(",", -1);
            assertEquals(o.get("block").getAsString(), row[0]);
            assertEquals(o.get("stage").getAsInt(), Integer.parseInt(row[1]));
            assertEquals(o.get("deltaLogit").getAsDouble(), Double.parseDouble(row[2]), 1e-7);
            assertEquals(o.get("deltaProbability").getAsDouble(), Double.parseDouble(row[3]), 1e-7);
            assertEquals("", row[4]);
            assertTrue(o.get("deltaTop1").isJsonNull());
        }
        Path plain = temp.resolve("plain");
        Path forced = temp.resolve("forced");
        assertEquals(0, capture(plain, images).status());
        assertEquals(0, capture(forced, images, "--intervene", "layer2.1=uniform").status());
        try (NDManager manager = TestSupport.manager()) {
            float[] a = TestSupport.decode(manager, plain.resolve("capture.npz")).get("logits").toFloatArray();
            float[] b = TestSupport.decode(manager, forced.resolve("capture.npz")).get("logits").toFloatArray();
            int classes = a.length / 30;
            double logit = 0;
            double probability = 0;
            for (int i = 0; i < 30; i++) {
                float[] before = java.util.Arrays.copyOfRange(a, i * classes, (i + 1) * classes);
                float[] after = java.util.Arrays.copyOfRange(b, i * classes, (i + 1) * classes);
                int top = Prediction.top(before, 1, java.util.Collections.nCopies(classes, "")).get(0).index();
                logit += (after[top] - before[top]) / 30.0;
                probability += (Prediction.probabilities(after)[top] - Prediction.probabilities(before)[top]) / 30.0;
            }
            JsonObject block = k.getAsJsonArray("blocks").get(3).getAsJsonObject();
            assertEquals("layer2.1", block.get("block").getAsString());
            assertTrue(Math.abs(logit) > 1e-3, "uniform attention in layer2.1 moves the logits: " + logit);
            // batches of 8 and 16: the same images, rounding of a forward depends on its batch (~1e-6)
            assertEquals(logit, block.get("deltaLogit").getAsDouble(), 1e-4);
            assertEquals(probability, block.get("deltaProbability").getAsDouble(), 1e-5);
        }

        Path figure = temp.resolve("knockout.svg");
        CliRunner.Run drawn = CliRunner.run("figure", "--view", "knockout", "--knockout", out.toString(), "--out",
                figure.toString());
        assertEquals(0, drawn.status(), drawn.err());
        String svg = Files.readString(figure);
        assertTrue(svg.contains("Δ logit") && svg.contains("layer3"), "labels stay text");
        CliRunner.Run missing = CliRunner.run("figure", "--view", "knockout", "--knockout", temp.toString(), "--out",
                temp.resolve("x.png").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("error: ") && missing.err().contains("knockout.json: no such file"),
                missing.err());
        assertFalse(Files.exists(temp.resolve("x.png")));
    }

    @Test
    void figureDrawsForcedAttentionWithCaptureSyntaxAndSaysSo() throws Exception {
        String coat = images.stream().filter(f -> f.contains("coat-")).findFirst().orElseThrow();
        Path png = temp.resolve("forced.png");
        CliRunner.Run run = CliRunner.run("figure", "--view", "splitbars", "--input", coat, "--intervene", "all=uniform",
                "--width", "3.5in", "--dpi", "72", "--out", png.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("attention forced: all blocks uniform"), run.out());
        Map<String, String> text = org.splitscope.figure.FigureFilesTest.pngText(png);
        assertEquals("all blocks uniform", text.get("Intervention"));

        Path pdf = temp.resolve("forced.pdf");
        assertEquals(0, CliRunner.run("figure", "--view", "walkthrough", "--input", coat, "--intervene",
                "layer2.0=onehot:1", "--out", pdf.toString()).status());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals("layer2.0 onehot:1", doc.getDocumentInformation().getCustomMetadataValue(
                    "SplitScope Intervention"));
        }

        // the same parsing as capture: a bad mode, a block the model lacks, a view that is not one capture
        CliRunner.Run bad = CliRunner.run("figure", "--view", "heatmaps", "--input", coat, "--intervene", "all=sideways",
                "--out", temp.resolve("bad.png").toString());
        assertEquals(2, bad.status());
        assertEquals(capture(temp.resolve("c"), List.of(coat), "--intervene", "all=sideways").err(), bad.err());
        CliRunner.Run noBlock = CliRunner.run("figure", "--view", "gap", "--input", coat, "--intervene", "layer9.9=uniform",
                "--out", temp.resolve("bad.png").toString());
        assertTrue(noBlock.err().startsWith("error: intervention 'layer9.9=uniform': no split-attention block"),
                noBlock.err());
        CliRunner.Run notOne = CliRunner.run("figure", "--view", "variants", "--input", coat, "--intervene", "all=uniform",
                "--out", temp.resolve("bad.png").toString());
        assertEquals(2, notOne.status());
        assertTrue(notOne.err().contains("not in --view variants"), notOne.err());
        assertFalse(Files.exists(temp.resolve("bad.png")));
    }
}
