package org.splitscope.view.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.analysis.AblationTable;
import org.splitscope.app.main.FigureLayoutTest;
import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.model.Mechanism;
import org.splitscope.render.Colormap;
import org.splitscope.train.Ablation;
import org.splitscope.train.AblationPapers;
import org.splitscope.train.FashionMnistNetworks;
import org.splitscope.train.ModelCards;

/**
 * Every mechanism side by side: the split-attention models in models/ and SE, ECA and SK networks (random
 * weights, the bundled architectures) through one image, each worded as its mechanism, laid out for a
 * 1280×720 projector and a 7-inch page; the ablation table with the family's rows, and an older table
 * without the mechanism still read.
 */
class VariantsFigureTest {
    private static final List<String> FAMILY = List.of("fmnist-se1x64d", "fmnist-eca1x64d", "fmnist-sk2s1x64d");
    private static final Path IMAGE = Path.of("resources/samples/fashion-mnist/ankle-boot-0000.png");

    @TempDir
    static Path temp;

    static List<VariantRun> runs;

    @BeforeAll
    static void run() throws Exception {
        List<Path> models = new ArrayList<>();
        for (String name : List.of("fmnist-0s1x64d", "fmnist-1s1x64d", "fmnist-2s1x64d", "fmnist-4s1x64d",
                "fmnist-2s2x40d")) {
            models.add(Path.of("models", name + ".safetensors"));
        }
        for (int i = 0; i < FAMILY.size(); i++) {
            Path bundled = Path.of("models", FAMILY.get(i) + ".safetensors");
            models.add(Files.isRegularFile(bundled) ? bundled : FamilyTestModels.write(temp, FAMILY.get(i), 7 + i));
        }
        runs = VariantRuns.run(models, "ankle-boot-0000.png", ImageIO.read(IMAGE.toFile()), () -> false,
                new HashSet<>());
    }

    private static VariantRun find(Mechanism mechanism) {
        return runs.stream().filter(r -> r.words() != null && r.words().mechanism() == mechanism).findFirst()
                .orElseThrow();
    }

    @Test
    void eachModelIsWordedAsItsMechanism() {
        assertEquals(8, runs.size());
        assertNull(runs.get(0).words(), "radix 0 has no attention");
        assertEquals("no attention (radix 0)", runs.get(0).mechanismWords());
        for (Mechanism m : List.of(Mechanism.SE, Mechanism.ECA)) {
            VariantRun r = find(m);
            assertTrue(r.gate(), m + " is a gate");
            assertEquals(m.words() + " gate", r.mechanismWords());
            for (VariantRun.StageEnd e : r.stageEnds()) {
                assertEquals(1, e.splitMeans().length);
                assertTrue(Double.isNaN(e.entropy()), "a gate has no entropy");
                assertTrue(e.splitMeans()[0] > 0 && e.splitMeans()[0] < 1, "a sigmoid's mean");
            }
        }
        VariantRun sk = find(Mechanism.SK);
        assertEquals("SK2 1x64d", sk.notation());
        assertEquals("selective kernel, paths (3×3, 3×3 dilation 2)", sk.mechanismWords());
        assertEquals(3, sk.stageEnds().size());
        for (VariantRun.StageEnd e : sk.stageEnds()) {
            assertEquals(1.0, e.splitMeans()[0] + e.splitMeans()[1], 1e-5, "a softmax over the two paths");
            assertTrue(e.entropy() > 0 && e.entropy() <= 1 + 1e-9, "H / ln M");
        }
        assertEquals("2s1x64d", runs.get(2).notation());
        assertEquals("split attention, R = 2, K = 1", runs.get(2).mechanismWords());
    }

    @Test
    void allMechanismsFitAProjectorAndAPage() throws Exception {
        AblationTable table = table();
        Map<String, Drawing> figures = new LinkedHashMap<>();
        VariantsFigure.Options o = new VariantsFigure.Options(Colormap.VIRIDIS);
        figures.put("presenter", VariantsFigure.draw("ankle-boot-0000.png", runs, table, o, 1280 - 24,
                FigureStyle.presenter()));
        Drawing room = VariantsFigure.draw("ankle-boot-0000.png", runs, table, o, 1280 - 24, 500,
                FigureStyle.presenter());
        figures.put("presenter 1280x720", room);
        FigureStyle print = FigureStyle.print(FigureStyle.Theme.PAPER);
        figures.put("3.5in", VariantsFigure.draw("ankle-boot-0000.png", runs, table, o, 3.5 * 72, print));
        Drawing page = VariantsFigure.draw("ankle-boot-0000.png", runs, table, o, 7 * 72, print);
        figures.put("7in", page);
        List<String> problems = new ArrayList<>();
        for (var f : figures.entrySet()) {
            problems.addAll(FigureLayoutTest.check(f.getKey(), f.getValue()));
        }
        assertEquals(List.of(), problems);
        assertTrue(room.height() * 0.75 <= 500, "1280×720: " + room.height() + " px for 500");
        assertTrue(page.height() <= 9 * 72 + 0.5, "7 in wide: " + page.height() / 72 + " in tall");

        List<String> texts = Draw.placedText(page).stream().map(Draw.PlacedText::text).toList();
        for (VariantRun r : runs) {
            assertTrue(texts.contains(r.notation()), r.notation() + " has a row");
        }
        for (VariantRun r : runs) {
            assertTrue(texts.contains(r.mechanismShort()), r.notation() + " worded as its mechanism: " + texts);
        }
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("g 0.")), "a gate's mean, not an entropy");
        assertTrue(texts.contains("3×3 d2") || texts.contains("3×3 · 3×3 d2") || texts.contains("d1 · d2"),
                "SK's paths named by their kernels: " + texts);
        assertTrue(texts.contains("SE gate") && texts.contains("SK, 2 paths"), "the ablation names the mechanism");
        assertTrue(texts.contains("76.71 %¹"), "SE-ResNet-50's own top-1, with its source");
    }

    /** The ablation table as the command writes it: the five split-attention rows and the family's, each with its paper. */
    private static AblationTable table() throws Exception {
        AblationTable old = new Gson().fromJson(OLD_FORMAT, AblationTable.class);
        List<Ablation.Row> rows = new ArrayList<>();
        for (VariantRun r : runs) {
            String name = r.name().startsWith("fmnist-") ? r.name() : "fmnist-" + r.notation();
            var config = FashionMnistNetworks.find(name).orElseThrow();
            AblationPapers.Paper paper = AblationPapers.of(config);
            // ours: the split-attention rows' measured numbers; the layout does not depend on their values
            AblationTable.Row like = old.rows().get(0);
            rows.add(new Ablation.Row(name, config.notation(), config.mechanism().key(), config.radix(),
                    config.cardinality(), config.bottleneckWidth(), like.testTop1(), like.parameters(), like.mflops(),
                    like.imagesPerSecond(), paper.model(), paper.source(), paper.top1(), paper.parametersM(),
                    paper.gflops(), paper.imagesPerSecond()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", "Fashion-MNIST test set, 10,000 images");
        json.put("rows", rows);
        return new Gson().fromJson(ModelCards.GSON.toJson(json), AblationTable.class);
    }

    @Test
    void theFamilysRowsCarryTheirOwnPaper() throws Exception {
        AblationTable table = table();
        AblationTable.Row se = table.rows().stream().filter(r -> r.notation().equals("SE 1x64d")).findFirst()
                .orElseThrow();
        assertEquals("se", se.mechanism());
        assertEquals(Mechanism.SE, se.kind());
        assertEquals("SE-ResNet-50", se.paperModel());
        assertEquals(76.71, se.paperTop1());
        assertNull(se.paperImagesPerSecond(), "the SE paper gives no throughput");
        assertTrue(se.paperSource().contains("Hu et al."));
        AblationTable.Row sk = table.rows().stream().filter(r -> r.mechanism().equals("sk")).findFirst().orElseThrow();
        assertEquals(79.21, sk.paperTop1(), 1e-9);
        assertEquals("selective kernel", sk.mechanismWords());
        AblationTable.Row splat = table.rows().stream().filter(r -> r.notation().equals("2s1x64d")).findFirst()
                .orElseThrow();
        assertEquals(80.64, splat.paperTop1());
        assertTrue(splat.resnest());
    }

    /** A table written before the family joined: no mechanism, no paper model; read as split attention (radix 0: none). */
    private static final String OLD_FORMAT = """
            {"dataset": "Fashion-MNIST test set, 10,000 images", "rows": [
              {"name": "fmnist-2s1x64d", "notation": "2s1x64d", "radix": 2, "cardinality": 1, "bottleneckWidth": 64,
               "testTop1": 92.88, "parameters": 251354, "mflops": 8.61, "imagesPerSecond": 8392.0, "paperTop1": 80.64,
               "paperParametersM": 27.5, "paperGflops": 4.34, "paperImagesPerSecond": 533.0},
              {"name": "fmnist-0s1x64d", "notation": "0s1x64d", "radix": 0, "cardinality": 1, "bottleneckWidth": 64,
               "testTop1": 92.81, "parameters": 228378, "mflops": 8.59, "imagesPerSecond": 10498.0, "paperTop1": 79.41,
               "paperParametersM": 26.4, "paperGflops": 4.34, "paperImagesPerSecond": 688.2}],
             "paper": "Zhang et al., ResNeSt"}""";

    @Test
    void anOlderTableWithoutTheMechanismStillReads() {
        AblationTable old = new Gson().fromJson(OLD_FORMAT, AblationTable.class);
        assertEquals(List.of("splat", "none"), old.rows().stream().map(AblationTable.Row::mechanism).toList());
        assertEquals(List.of(Mechanism.SPLAT, Mechanism.NONE), old.rows().stream().map(AblationTable.Row::kind).toList());
        assertTrue(old.rows().stream().allMatch(AblationTable.Row::resnest));
        assertNull(old.rows().get(0).paperModel());
        List<String> texts = Draw.placedText(AblationPanel.draw(old, 7 * 72, FigureStyle.print(FigureStyle.Theme.PAPER)))
                .stream().map(Draw.PlacedText::text).toList();
        assertTrue(texts.contains("SplAt, 2 splits") && texts.contains("none"), texts.toString());
        assertTrue(texts.contains("80.64 %"), "the paper's number, no source mark: ResNeSt's own ablation");
    }
}
