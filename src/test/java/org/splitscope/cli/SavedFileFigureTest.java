package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Npz64;

/**
 * figure reads saved runs back as untrusted files: an edited stats.json/stats.npz or knockout.json is
 * one line naming the file and the field (no Gson or index exception names), nothing is written, and
 * nothing loops, overflows the stack or blocks on a FIFO. A hang fails through the timeout.
 */
@Timeout(300)
class SavedFileFigureTest {
    @TempDir
    Path temp;

    private static final String KNOCKOUT = """
            {"model": {"name": "m", "sha256": null}, "mode": "uniform", "target": "true class", "images": 3,
             "labelled": 3, "top1": 0.5, "blocks": [
              {"block": "layer1.0", "stage": 1, "deltaLogit": -0.5, "deltaProbability": -0.1, "deltaTop1": 0.0, "top1Changed": 0.2},
              {"block": "layer2.0", "stage": 2, "deltaLogit": 1.5, "deltaProbability": 0.1, "deltaTop1": -0.5, "top1Changed": 0.0}]}
            """;

    private CliRunner.Run knockoutFigure(String json, String... more) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("k" + json.hashCode()));
        Files.writeString(dir.resolve("knockout.json"), json);
        List<String> args = new java.util.ArrayList<>(List.of("figure", "--view", "knockout", "--knockout",
                dir.toString(), "--out", temp.resolve("k.svg").toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private void assertRefused(CliRunner.Run run, String... parts) {
        assertEquals(2, run.status(), run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: "), err);
        for (String p : parts) {
            assertTrue(err.contains(p), "'" + p + "' in " + err);
        }
        assertFalse(err.matches(".*(Exception|Gson|com\\.google|IndexOutOfBounds|java\\.).*"), err);
        assertFalse(Files.exists(temp.resolve("k.svg")) || Files.exists(temp.resolve("d.svg")), "no figure written");
    }

    @Test
    void anEditedKnockoutJsonIsOneLineNamingTheField() throws Exception {
        CliRunner.Run ok = knockoutFigure(KNOCKOUT);
        assertEquals(0, ok.status(), ok.err());
        Files.delete(temp.resolve("k.svg"));
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put(KNOCKOUT.replace("-0.5,", "1e400,"), new String[] {"knockout.json: field 'blocks[0].deltaLogit' is not a finite number"});
        cases.put(KNOCKOUT.replace("-0.5,", "Infinity,"), new String[] {"field 'blocks[0].deltaLogit' must be a number"});
        cases.put(KNOCKOUT.replace("-0.5,", "NaN,"), new String[] {"field 'blocks[0].deltaLogit' must be a number"});
        cases.put(KNOCKOUT.replace("\"top1Changed\": 0.2", "\"top1Changed\": 2"), new String[] {"'blocks[0].top1Changed' is 2.0, outside 0 – 1"});
        cases.put(KNOCKOUT.replace("\"stage\": 1,", "\"stage\": \"one\","), new String[] {"'blocks[0].stage' must be a number"});
        cases.put(KNOCKOUT.replace("\"images\": 3", "\"images\": -3"), new String[] {"'images' is -3.0, outside 1"});
        cases.put(KNOCKOUT.replace("\"labelled\": 3", "\"labelled\": 4"), new String[] {"'labelled' is 4.0, outside 0 – 3"});
        cases.put(KNOCKOUT.replace("\"mode\": \"uniform\"", "\"mode\": \"explode\""), new String[] {"'mode' is no intervention"});
        cases.put(KNOCKOUT.replace("\"blocks\": [", "\"blocks\": {\"a\": [").replace("]}\n", "]}}\n"), new String[] {"'blocks' must be an array"});
        cases.put(KNOCKOUT.substring(0, 120), new String[] {"knockout.json: not valid JSON (at line"});
        cases.put("[1, 2]", new String[] {"knockout.json: not a JSON object"});
        cases.put("{\"model\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}", new String[] {"nested deeper than 64 levels"});
        cases.put(KNOCKOUT.replace("\"sha256\": null", "\"sha256\": \"../../etc\""), new String[] {"'model.sha256' is not a SHA-256"});
        cases.put(KNOCKOUT.replace("\"block\": \"layer1.0\"", "\"block\": 5"), new String[] {"'blocks[0].block' must be a string"});
        cases.put(KNOCKOUT.replace("\"block\": \"layer1.0\"", "\"block\": \"b1\""), new String[] {"'blocks[0]' is not a block layerS.B of stage S"});
        cases.put(KNOCKOUT.replace("\"deltaTop1\": -0.5", "\"deltaTop1\": null"), new String[] {"'blocks[1].deltaTop1' is missing for 3 labelled images"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            assertRefused(knockoutFigure(c.getKey()), c.getValue());
        }
        // the documented limits do not make every combination paintable
        assertRefused(knockoutFigure(KNOCKOUT, "--format", "png", "--width", "40in", "--dpi", "2400"),
                "megapixels, more than 50");
    }

    /** A synthetic analyze run: {@code groups} groups of one image, one block with R = 2, K = 1, C/K = 1. */
    private Path synthetic(int groups) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("synthetic" + groups));
        com.google.gson.JsonObject json = new com.google.gson.JsonObject();
        com.google.gson.JsonArray names = new com.google.gson.JsonArray();
        com.google.gson.JsonArray counts = new com.google.gson.JsonArray();
        com.google.gson.JsonArray accuracy = new com.google.gson.JsonArray();
        double[] ones = new double[groups];
        for (int g = 0; g < groups; g++) {
            names.add("g" + g);
            counts.add(1);
            com.google.gson.JsonObject a = new com.google.gson.JsonObject();
            a.addProperty("labelled", 0);
            a.addProperty("top1Hits", 0);
            a.addProperty("top5Hits", 0);
            accuracy.add(a);
            ones[g] = 1;
        }
        json.add("groups", names);
        json.add("counts", counts);
        json.add("accuracy", accuracy);
        json.add("blocks", com.google.gson.JsonParser.parseString(
                "[{\"name\": \"layer1.0\", \"radix\": 2, \"cardinality\": 1, \"groupChannels\": 1}]"));
        json.add("model", com.google.gson.JsonParser.parseString("{\"name\": \"m\", \"sha256\": null}"));
        json.addProperty("inputs", groups);
        json.addProperty("processed", groups);
        json.add("skipped", new com.google.gson.JsonArray());
        Files.writeString(dir.resolve("stats.json"), json.toString());
        Map<String, Npz64.Array> arrays = new LinkedHashMap<>();
        arrays.put("counts", new Npz64.Array(ones, new long[] {groups}));
        double[] half = new double[groups * 2];
        java.util.Arrays.fill(half, 0.5);
        for (String stat : List.of("mean", "std")) {
            double v = stat.equals("mean") ? 1 : 0;
            arrays.put("layer1.0.attention." + stat, new Npz64.Array(stat.equals("mean") ? half : new double[groups * 2],
                    new long[] {groups, 2, 1, 1}));
            arrays.put("layer1.0.gap." + stat, new Npz64.Array(stat.equals("mean") ? ones : new double[groups],
                    new long[] {groups, 1, 1}));
            arrays.put("layer1.0.attention.all." + stat, new Npz64.Array(new double[] {v / 2, v / 2}, new long[] {2, 1, 1}));
            arrays.put("layer1.0.gap.all." + stat, new Npz64.Array(new double[] {v}, new long[] {1, 1}));
        }
        try (var out = Files.newOutputStream(dir.resolve("stats.npz"))) {
            Npz64.write(out, arrays);
        }
        return dir;
    }

    @Test
    void aFigureTallerThanAnyPageIsRefusedBeforeItIsPainted() throws Exception {
        CliRunner.Run few = datasetFigure(synthetic(8));
        assertEquals(0, few.status(), few.err());
        Files.delete(temp.resolve("d.svg"));
        assertRefused(datasetFigure(synthetic(1000)), "in tall, more than 40 in");
        assertRefused(datasetFigure(synthetic(8), "--groups", String.join(",", java.util.Collections.nCopies(20_000, "g1"))),
                "20000 groups to compare; at most 24 fit a figure");
    }

    @Test
    void aFifoGivenAsASavedFileDoesNotBlock() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("fifo"));
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", dir.resolve("knockout.json").toString())
                .start().waitFor() == 0, "mkfifo");
        assertRefused(CliRunner.run("figure", "--view", "knockout", "--knockout", dir.toString(), "--out",
                temp.resolve("k.svg").toString()), "knockout.json: not a regular file");
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("stats.json").toString()).start().waitFor());
        assertRefused(CliRunner.run("figure", "--view", "dataset", "--stats", dir.toString(), "--out",
                temp.resolve("d.svg").toString()), "stats.json: not a regular file");
    }

    /** One analyze run over one image per group, with a group named with an ESC (as a folder can be). */
    private Path stats() throws Exception {
        Path input = AnalyzeTest.folder(temp, 1);
        Files.move(input.resolve("bag"), input.resolve("b\u001bag"));
        Path out = temp.resolve("stats");
        CliRunner.Run run = CliRunner.run("analyze", "--input", input.toString(), "--out", out.toString(), "--device", "cpu");
        assertEquals(0, run.status(), run.err());
        return out;
    }

    private CliRunner.Run datasetFigure(Path stats, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("figure", "--view", "dataset", "--stats", stats.toString(),
                "--out", temp.resolve("d.svg").toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private Path edited(Path stats, String name, UnaryOperator<String> jsonEdit) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.copy(stats.resolve("stats.npz"), dir.resolve("stats.npz"));
        Files.writeString(dir.resolve("stats.json"), jsonEdit.apply(Files.readString(stats.resolve("stats.json"))));
        return dir;
    }

    private Path editedNpz(Path stats, String name, String key, UnaryOperator<Npz64.Array> change) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.copy(stats.resolve("stats.json"), dir.resolve("stats.json"));
        Map<String, Npz64.Array> arrays = new LinkedHashMap<>(Npz64.read(stats.resolve("stats.npz")));
        arrays.put(key, change.apply(arrays.get(key)));
        try (var out = Files.newOutputStream(dir.resolve("stats.npz"))) {
            Npz64.write(out, arrays);
        }
        return dir;
    }

    @Test
    void editedStatisticsAreOneLineNamingTheFileAndField() throws Exception {
        Path stats = stats();
        // a control character from a folder name is drawn visible: the SVG is well-formed XML
        CliRunner.Run ok = datasetFigure(stats, "--groups", "b\u001bag,coat");
        assertEquals(0, ok.status(), ok.err());
        String svg = Files.readString(temp.resolve("d.svg"));
        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // never the network
        xml.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
        assertTrue(svg.contains("b\\x1Bag") && svg.indexOf('\u001b') < 0, "ESC drawn as \\x1B");
        Files.delete(temp.resolve("d.svg"));

        assertRefused(datasetFigure(edited(stats, "e1", s -> s.replaceFirst("\"processed\": 10", "\"processed\": 1e400"))),
                "stats.json: field 'processed' is not a finite number");
        assertRefused(datasetFigure(edited(stats, "e2", s -> s.replaceFirst("\"processed\": 10", "\"processed\": 14"))),
                "stats.json: field 'processed' is 14.0, outside 0 – 10");
        assertRefused(datasetFigure(edited(stats, "e3", s -> s.replaceFirst("\"radix\": 2", "\"radix\": 0"))),
                "field 'blocks[0].radix' is 0.0, outside 1 – 64");
        assertRefused(datasetFigure(edited(stats, "e4", s -> s.replaceFirst("\"counts\": \\[", "\"counts\": [1, "))),
                "field 'counts' has 11 entries for 10 groups");
        assertRefused(datasetFigure(edited(stats, "e5", s -> s.replaceFirst("\"groups\": \\[", "\"groups\": [" + "[".repeat(50_000)
                + "]".repeat(50_000) + ", "))), "stats.json: JSON nested deeper than 64 levels");
        assertRefused(datasetFigure(edited(stats, "e6", s -> s.replaceFirst("\"groupChannels\": (\\d+)", "\"groupChannels\": 65536"))),
                "stats.npz: array 'layer1.0.attention.mean' has shape");
        assertRefused(datasetFigure(edited(stats, "e7", s -> s.replaceFirst("\"labelled\": 1", "\"labelled\": -1"))),
                "field 'accuracy[0].labelled' is -1.0, outside 0 – 1");
        assertRefused(datasetFigure(edited(stats, "e8", s -> s.replaceFirst("\"groups\": \\[", "\"groups\": \"x\", \"was\": ["))),
                "field 'groups' must be an array");
        assertRefused(datasetFigure(editedNpz(stats, "n1", "layer2.0.attention.mean", a -> {
            double[] d = a.data().clone();
            d[3] = Double.POSITIVE_INFINITY;
            return new Npz64.Array(d, a.shape());
        })), "stats.npz: array 'layer2.0.attention.mean' holds Infinity at 3, not a finite number");
        assertRefused(datasetFigure(editedNpz(stats, "n2", "layer2.0.gap.std", a -> {
            double[] d = a.data().clone();
            d[0] = -1;
            return new Npz64.Array(d, a.shape());
        })), "array 'layer2.0.gap.std' holds -1.0 at 0, outside ≥ 0");
        assertRefused(datasetFigure(editedNpz(stats, "n3", "counts", a -> new Npz64.Array(new double[] {2, 0, 1, 1, 1, 1,
                1, 1, 1, 1}, a.shape()))), "stats.npz: counts[0] is 2.0 where the JSON says 1");
        assertRefused(datasetFigure(editedNpz(stats, "n4", "layer1.0.gap.mean", a -> new Npz64.Array(new double[] {1},
                new long[] {1}))), "array 'layer1.0.gap.mean' has shape [1], not [10,");
        // options out of range are errors too
        assertRefused(datasetFigure(stats, "--split", "2"), "split 2: the blocks have 2 splits (r = 0 … 1)");
        assertRefused(datasetFigure(stats, "--groups", "coat,coat"), "a group is named twice in --groups");
    }
}
