package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;

/**
 * SENet §7.2's and SKNet's figures ({@code figure --view dataset --profile senet|senet-std|sknet},
 * {@code analyze --scales}) on tiny random-weight SE and SK networks: every number in the figures'
 * data against a computation of its own from {@code capture} over the same images (and, for the
 * scales, over centre crops made here independently), the errors, and that the figures draw with no
 * text cut off or overlapping.
 */
class PaperFiguresTest {
    private static final double TOL = 1e-5;
    private static final List<String> GROUPS = List.of("bag", "coat", "sandal");

    @TempDir
    static Path temp;

    private static Path input;
    private static final List<Path> files = new ArrayList<>();
    private static final List<String> groupOf = new ArrayList<>();

    @BeforeAll
    static void folders() throws Exception {
        input = temp.resolve("fm");
        for (String g : GROUPS) {
            Files.createDirectories(input.resolve(g));
            try (var all = Files.list(Path.of("resources/samples/fashion-mnist"))) {
                for (Path f : (Iterable<Path>) all.filter(p -> p.getFileName().toString().matches(g + "-\\d+\\.png"))
                        .sorted()::iterator) {
                    Files.copy(f, input.resolve(g).resolve(f.getFileName()));
                    files.add(input.resolve(g).resolve(f.getFileName()));
                    groupOf.add(g);
                }
            }
        }
        assertEquals(9, files.size());
    }

    private static String model(String name) {
        return TestSupport.resource("parity/family/" + name + ".safetensors").toString();
    }

    private static CliRunner.Run ok(String... args) {
        CliRunner.Run run = CliRunner.run(args);
        assertEquals(0, run.status(), run.err());
        return run;
    }

    /** The command fails with one error line that contains {@code words}. */
    private static void fails(String words, String... args) {
        CliRunner.Run run = CliRunner.run(args);
        assertNotEquals(0, run.status(), run.out());
        String err = run.err().strip();
        assertTrue(err.startsWith("error: ") && err.contains(words), err);
        assertFalse(err.contains("\n") || err.contains("Exception"), err);
    }

    /** capture's attention per block, [N, R, K, C/K] flattened, for these images in this order. */
    private static Map<String, float[]> capture(String model, List<Path> images, String name) throws Exception {
        List<String> args = new ArrayList<>(List.of("capture", "--model", model, "--out", temp.resolve(name).toString(),
                "--device", "cpu", "--input"));
        images.forEach(f -> args.add(f.toString()));
        ok(args.toArray(String[]::new));
        Map<String, float[]> out = new HashMap<>();
        try (NDManager manager = TestSupport.manager()) {
            for (Map.Entry<String, NDArray> e : TestSupport.decode(manager, temp.resolve(name).resolve("capture.npz"))
                    .entrySet()) {
                if (e.getKey().endsWith(".attention")) {
                    out.put(e.getKey().substring(0, e.getKey().length() - ".attention".length()), e.getValue().toFloatArray());
                }
            }
        }
        return out;
    }

    /** CSV rows (no field here is quoted: names and numbers only) without the header. */
    private static List<String[]> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------ SENet §7.2

    @Test
    void senetProfileIsTheMeanGateOfUniformlySpacedChannelsPerClass() throws Exception {
        Path out = temp.resolve("se");
        ok("analyze", "--model", model("se_bottleneck_7x7"), "--input", input.toString(), "--out", out.toString(),
                "--batch", "4", "--device", "cpu");
        Map<String, float[]> gates = capture(model("se_bottleneck_7x7"), files, "se-capture");
        Path csv = temp.resolve("senet.csv");
        CliRunner.Run run = ok("figure", "--view", "dataset", "--stats", out.toString(), "--profile", "senet",
                "--channels", "5", "--groups", "coat,bag", "--data", csv.toString(), "--out",
                temp.resolve("senet.png").toString());
        assertTrue(run.out().contains("layer1.0, layer2.1, layer3.0, layer4.0"), run.out()); // stage ends + last stage
        BufferedImage png = ImageIO.read(temp.resolve("senet.png").toFile());
        assertEquals(1050, png.getWidth()); // 3.5 in at 300 dpi
        List<String[]> rows = csv(csv);
        assertEquals(4 * 5 * 3, rows.size());
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String[] r : rows) {
            float[] a = gates.get(r[0]);
            int c = a.length / files.size();
            int channel = Integer.parseInt(r[1]);
            int i = seen.merge(r[0] + "/" + r[2], 1, Integer::sum) - 1;
            assertEquals(i * c / 5, channel, "channel i·C/n");
            double[] m = moments(a, c, channel, r[2]);
            assertEquals(m[0], Double.parseDouble(r[3]), TOL, String.join(",", r));
            if (!r[2].equals("all images")) {
                assertEquals(m[1], Double.parseDouble(r[4]), TOL, String.join(",", r));
            }
        }
        JsonObject json = JsonParser.parseString(Files.readString(temp.resolve("senet.json"))).getAsJsonObject();
        assertEquals("senet", json.getAsJsonObject("provenance").get("Profile").getAsString());

        Path std = temp.resolve("senet-std.csv");
        ok("figure", "--view", "dataset", "--stats", out.toString(), "--profile", "senet-std", "--groups", "sandal,coat",
                "--data", std.toString(), "--out", temp.resolve("senet-std.svg").toString());
        List<String[]> stdRows = csv(std);
        assertEquals((16 + 32 + 50 + 50) * 2, stdRows.size()); // every channel of the 16- and 32-channel blocks
        for (String[] r : stdRows) {
            assertTrue(r[2].equals("sandal") || r[2].equals("coat"), r[2]);
            float[] a = gates.get(r[0]);
            double[] m = moments(a, a.length / files.size(), Integer.parseInt(r[1]), r[2]);
            assertEquals(m[0], Double.parseDouble(r[3]), TOL);
            assertEquals(m[1], Double.parseDouble(r[4]), TOL);
        }
        assertTrue(Files.readString(temp.resolve("senet-std.svg")).contains("<svg"));
    }

    /** Two-pass mean and population std of one channel over a group's images ("all images": every image). */
    private static double[] moments(float[] a, int per, int channel, String group) {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (group.equals("all images") || groupOf.get(i).equals(group)) {
                in.add(i);
            }
        }
        double mean = 0;
        for (int i : in) {
            mean += a[i * per + channel] / (double) in.size();
        }
        double var = 0;
        for (int i : in) {
            var += Math.pow(a[i * per + channel] - mean, 2) / in.size();
        }
        return new double[] {mean, Math.sqrt(var)};
    }

    @Test
    void paperBlocksAreTheStageEndsAndTheWholeLastStage() {
        List<org.splitscope.view.dataset.DatasetStats.Block> blocks = new ArrayList<>();
        int[] layers = {3, 4, 6, 3}; // SE-ResNet-50
        for (int s = 0; s < layers.length; s++) {
            for (int b = 0; b < layers[s]; b++) {
                blocks.add(new org.splitscope.view.dataset.DatasetStats.Block("layer" + (s + 1) + "." + b, 1, 1, 8));
            }
        }
        var stats = new org.splitscope.view.dataset.DatasetStats(List.of("a"), blocks);
        List<String> names = org.splitscope.view.dataset.SeProfile.paperBlocks(stats).stream()
                .map(j -> blocks.get(j).name()).toList();
        // SE_2_3, SE_3_4, SE_4_6, SE_5_1, SE_5_2, SE_5_3 in the paper's naming
        assertEquals(List.of("layer1.2", "layer2.3", "layer3.5", "layer4.0", "layer4.1", "layer4.2"), names);
        assertEquals(List.of(0, 51, 102, 153, 204), java.util.Arrays.stream(org.splitscope.view.dataset.SeProfile.uniform(256, 5))
                .boxed().toList());
        assertEquals(16, org.splitscope.view.dataset.SeProfile.uniform(16, 50).length);
    }

    // ------------------------------------------------------------------------------------ SKNet

    @Test
    void sknetProfileIsTheLargerMinusTheSmallerPathPerClassAndScale() throws Exception {
        Path out = temp.resolve("sk");
        ok("analyze", "--model", model("sk_bottleneck_nosplit"), "--input", input.toString(), "--out", out.toString(),
                "--batch", "4", "--device", "cpu", "--scales", "2,1");
        JsonObject at2 = JsonParser.parseString(Files.readString(out.resolve("scale-2/stats.json"))).getAsJsonObject();
        assertEquals(2.0, at2.get("scale").getAsDouble());
        assertFalse(JsonParser.parseString(Files.readString(out.resolve("scale-1/stats.json"))).getAsJsonObject()
                .has("scale"));
        // the crops made here: the middle 1/2 of each image, gray samples copied as they are
        List<Path> crops = new ArrayList<>();
        for (Path f : files) {
            Path crop = temp.resolve("crops").resolve(groupOf.get(crops.size())).resolve(f.getFileName());
            Files.createDirectories(crop.getParent());
            ImageIO.write(centre(ImageIO.read(f.toFile()), 2), "png", crop.toFile());
            crops.add(crop);
        }
        List<Map<String, float[]>> captured = List.of(capture(model("sk_bottleneck_nosplit"), files, "sk-1"),
                capture(model("sk_bottleneck_nosplit"), crops, "sk-2"));
        Path csv = temp.resolve("sknet.csv");
        CliRunner.Run run = ok("figure", "--view", "dataset", "--stats", out.toString(), "--profile", "sknet", "--data",
                csv.toString(), "--out", temp.resolve("sknet.png").toString());
        assertTrue(run.out().contains("layer1.0, layer2.0, layer3.0, layer4.0"), run.out());
        List<String[]> rows = csv(csv);
        assertEquals(4 * 2 * (1 + GROUPS.size()), rows.size());
        for (String[] r : rows) {
            assertEquals("3×3 dilation 2", r[3]);
            assertEquals("3×3", r[4]);
            int s = Double.parseDouble(r[1]) == 1 ? 0 : 1;
            float[] a = captured.get(s).get(r[0]);
            int c = a.length / files.size() / 2; // [N, M = 2, K = 1, C]
            double expected = 0;
            int n = 0;
            for (int i = 0; i < files.size(); i++) {
                if (r[2].equals("all images") || groupOf.get(i).equals(r[2])) {
                    double d = 0;
                    for (int ch = 0; ch < c; ch++) {
                        d += a[(i * 2 + 1) * c + ch] - a[(i * 2) * c + ch]; // path 1 (dilation 2) − path 0
                    }
                    expected += d / c;
                    n++;
                }
            }
            assertEquals(expected / n, Double.parseDouble(r[5]), TOL, String.join(",", r));
        }
        // resuming a finished scale run keeps it as it is
        String before = Files.readString(out.resolve("scale-2/stats.json"));
        ok("analyze", "--model", model("sk_bottleneck_nosplit"), "--input", input.toString(), "--out", out.toString(),
                "--batch", "4", "--device", "cpu", "--scales", "1,2", "--resume");
        assertEquals(before, Files.readString(out.resolve("scale-2/stats.json")));
        // one scale of the output is an ordinary run for every other dataset figure
        ok("figure", "--view", "dataset", "--stats", out.resolve("scale-2").toString(), "--out",
                temp.resolve("scale-2.png").toString());
        fails("one run per scale in scale-*/", "figure", "--view", "dataset", "--stats", out.toString(), "--out",
                temp.resolve("x.png").toString());
        fails("draws one scale", "figure", "--view", "dataset", "--stats", out.toString(), "--profile", "senet",
                "--out", temp.resolve("x.png").toString());
        fails("sigmoid gates", "figure", "--view", "dataset", "--stats", out.resolve("scale-1").toString(), "--profile",
                "senet", "--out", temp.resolve("x.png").toString());
    }

    @Test
    void aScaledRunStoppedInOneScaleResumesThereAndGivesTheSameFigure() throws Exception {
        String sk = model("sk_basic_split");
        Path straight = temp.resolve("straight");
        ok("analyze", "--model", sk, "--input", input.toString(), "--out", straight.toString(), "--batch", "2",
                "--device", "cpu", "--scales", "1,1.5");
        Path stopped = temp.resolve("stopped");
        CliRunner.Run run = CliRunner.run("analyze", "--model", sk, "--input", input.toString(), "--out", stopped.toString(),
                "--batch", "2", "--device", "cpu", "--scales", "1,1.5", "--stop-after", "4");
        assertEquals(SplitScopeCli.INTERRUPTED, run.status(), run.err());
        assertTrue(run.err().contains("at scale 1×: stopped after 4 of 9 images"), run.err());
        fails("scale 1× is not finished", "figure", "--view", "dataset", "--stats", stopped.toString(), "--profile",
                "sknet", "--out", temp.resolve("x.png").toString());
        ok("analyze", "--model", sk, "--input", input.toString(), "--out", stopped.toString(), "--batch", "2",
                "--device", "cpu", "--scales", "1,1.5", "--resume");
        List<List<String[]>> tables = new ArrayList<>();
        for (Path out : List.of(straight, stopped)) {
            Path csv = temp.resolve(out.getFileName() + ".csv");
            ok("figure", "--view", "dataset", "--stats", out.toString(), "--profile", "sknet", "--data", csv.toString(),
                    "--out", temp.resolve(out.getFileName() + ".png").toString());
            tables.add(csv(csv));
        }
        assertEquals(tables.get(0).size(), tables.get(1).size());
        for (int i = 0; i < tables.get(0).size(); i++) {
            assertEquals(Double.parseDouble(tables.get(0).get(i)[5]), Double.parseDouble(tables.get(1).get(i)[5]), 1e-9);
        }
    }

    /** The middle 1/s of a gray image, its samples copied as they are (no colour conversion). */
    private static BufferedImage centre(BufferedImage image, double s) {
        int w = (int) Math.round(image.getWidth() / s);
        int h = (int) Math.round(image.getHeight() / s);
        Raster from = image.getRaster();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int x0 = (image.getWidth() - w) / 2;
        int y0 = (image.getHeight() - h) / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.getRaster().setSample(x, y, 0, from.getSample(x0 + x, y0 + y, 0));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ errors

    @Test
    void badRequestsEndWithOneLine() throws Exception {
        Path se = temp.resolve("se-errors");
        ok("analyze", "--model", model("se_bottleneck_7x7"), "--input", input.toString(), "--out", se.toString(),
                "--device", "cpu");
        String png = temp.resolve("bad.png").toString();
        fails("without scales", "figure", "--view", "dataset", "--stats", se.toString(), "--profile", "sknet", "--out", png);
        fails("two classes", "figure", "--view", "dataset", "--stats", se.toString(), "--profile", "senet-std",
                "--groups", "bag,coat,sandal", "--out", png);
        fails("no group 'shoe'", "figure", "--view", "dataset", "--stats", se.toString(), "--profile", "senet",
                "--groups", "shoe", "--out", png);
        fails("senet, senet-std or sknet", "figure", "--view", "dataset", "--stats", se.toString(), "--profile", "fig7",
                "--out", png);
        fails("--channels", "figure", "--view", "dataset", "--stats", se.toString(), "--profile", "senet", "--channels",
                "0", "--out", png);
        fails("not --view heatmaps", "figure", "--view", "heatmaps", "--profile", "senet", "--out", png);
        fails("--data writes", "figure", "--view", "dataset", "--stats", se.toString(), "--data",
                temp.resolve("d.csv").toString(), "--out", png);
        fails("outside 1 – 8", "analyze", "--input", input.toString(), "--out", temp.resolve("s").toString(),
                "--scales", "0.5,1");
        fails("named twice", "analyze", "--input", input.toString(), "--out", temp.resolve("s").toString(),
                "--scales", "1,1.0");
        fails("not a number", "analyze", "--input", input.toString(), "--out", temp.resolve("s").toString(),
                "--scales", "1,big");
        assertFalse(Files.exists(Path.of(png)));
        // split attention has radix splits of one kernel, not kernels: the bundled model at two scales
        Path splat = temp.resolve("splat");
        ok("analyze", "--model", "fmnist-2s1x64d", "--input", input.toString(), "--out", splat.toString(), "--device",
                "cpu", "--scales", "1,1.5");
        fails("needs SK paths", "figure", "--view", "dataset", "--stats", splat.toString(), "--profile", "sknet",
                "--out", png);
        Files.writeString(splat.resolve("scales.json"), Files.readString(splat.resolve("scales.json"))
                .replace("1.5", "3.5"));
        fails("scale 3.5× is not finished", "figure", "--view", "dataset", "--stats", splat.toString(), "--profile",
                "sknet", "--out", png);
    }

    // ------------------------------------------------------------------------------------ drawing

    @Test
    void theFiguresDrawWithNoTextCutOffOrOverlapping() throws Exception {
        Path se = temp.resolve("se-draw");
        ok("analyze", "--model", model("se_bottleneck_7x7"), "--input", input.toString(), "--out", se.toString(),
                "--device", "cpu");
        Path sk = temp.resolve("sk-draw");
        ok("analyze", "--model", model("sk_basic_split"), "--input", input.toString(), "--out", sk.toString(),
                "--device", "cpu", "--scales", "1,1.5,2");
        for (var profile : org.splitscope.view.dataset.PaperFigures.Profile.values()) {
            var figure = new org.splitscope.view.dataset.PaperFigures(profile, 50, List.of());
            var source = figure.read(profile == org.splitscope.view.dataset.PaperFigures.Profile.SKNET ? sk : se);
            for (double inches : new double[] {3.5, 7}) {
                var style = org.splitscope.figure.FigureStyle.print(org.splitscope.figure.FigureStyle.Theme.PAPER);
                var shown = figure.compute(source);
                var d = figure.draw(shown, inches * 72, style).withCaption(figure.provenance(source, shown, "run")
                        .caption());
                assertTrue(d.height() > 72 && d.height() < 9 * 72, profile + " at " + inches + " in: " + d.height());
                List<String> problems = layout(d);
                assertTrue(problems.isEmpty(), profile + " at " + inches + " in: " + problems);
                assertTrue(d.hit(d.width() / 3, d.height() / 4) != null || !d.hits().isEmpty());
            }
            assertFalse(figure.data(figure.compute(source)).rows().isEmpty());
        }
    }

    /** Texts outside the figure or on one another. */
    private static List<String> layout(org.splitscope.figure.Drawing d) {
        List<String> problems = new ArrayList<>();
        var texts = org.splitscope.figure.Draw.layout(d).texts();
        Rectangle2D page = new Rectangle2D.Double(-0.5, -0.5, d.width() + 1, d.height() + 1);
        for (int i = 0; i < texts.size(); i++) {
            var a = texts.get(i);
            if (a.text().isBlank()) {
                continue;
            }
            if (!page.contains(a.bounds())) {
                problems.add("'" + a.text() + "' cut off");
            }
            for (int j = i + 1; j < texts.size(); j++) {
                Rectangle2D o = a.bounds().createIntersection(texts.get(j).bounds());
                if (!texts.get(j).text().isBlank() && !o.isEmpty() && o.getWidth() > 1 && o.getHeight() > 2) {
                    problems.add("'" + a.text() + "' on '" + texts.get(j).text() + "'");
                }
            }
        }
        return problems;
    }
}
