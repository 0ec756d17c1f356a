package org.splitscope.app.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;
import org.splitscope.app.Explorers;
import org.splitscope.app.export.ExportViewModel;
import org.splitscope.cli.CliRunner;
import org.splitscope.figure.Draw;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureStyle;
import org.splitscope.model.Mechanism;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.dataset.PaperFigures;

/**
 * The papers' figures in the Dataset tab: the same numbers and painter as {@code figure --view dataset
 * --profile}, so the window's PNG export and the command's PNG are the same bytes; a one-line note
 * where a profile does not apply.
 */
class DatasetProfileTest {
    @TempDir
    static Path temp;

    private static Path input;

    @BeforeAll
    static void folder() throws Exception {
        input = temp.resolve("fm");
        for (String g : List.of("bag", "coat", "sandal")) {
            Files.createDirectories(input.resolve(g));
            try (var all = Files.list(Path.of("resources/samples/fashion-mnist"))) {
                for (Path f : (Iterable<Path>) all.filter(p -> p.getFileName().toString().matches(g + "-\\d+\\.png"))
                        .sorted()::iterator) {
                    Files.copy(f, input.resolve(g).resolve(f.getFileName()));
                }
            }
        }
    }

    private static String model(String name) {
        return TestSupport.resource("parity/family/" + name + ".safetensors").toString();
    }

    private static void ok(String... args) {
        CliRunner.Run run = CliRunner.run(args);
        assertEquals(0, run.status(), run.err());
    }

    /** Exports what the tab shows as a 3.5 in, 300 dpi PNG (the figure command's defaults). */
    private static Path export(Explorers.Explorer e, Path file) {
        ExportViewModel export = e.vm().export();
        export.formatProperty().set(FigureFormat.PNG);
        export.widthProperty().set("3.5in");
        export.dpiProperty().set(300);
        List<Path> written = new ArrayList<>();
        assertTrue(export.saveFigure(e.vm().dataset(), file, true, f -> false, written::add));
        assertEquals(List.of(file), written);
        return file;
    }

    /** Every text of the statistics figure (all panels) of the open run. */
    private static String statisticsText(DatasetViewModel vm) {
        List<String> out = new ArrayList<>();
        Draw.placedText(vm.draw(900, FigureStyle.screen(false))).forEach(t -> out.add(t.text()));
        return String.join(" | ", out);
    }

    @Test
    void theSenetProfileExportIsTheFigureCommandsPng() throws Exception {
        Path out = temp.resolve("se");
        ok("analyze", "--model", model("se_bottleneck_7x7"), "--input", input.toString(), "--out", out.toString(),
                "--batch", "4", "--device", "cpu");
        Path cli = temp.resolve("cli-senet.png");
        ok("figure", "--view", "dataset", "--stats", out.toString(), "--profile", "senet", "--groups", "coat,bag",
                "--out", cli.toString());
        try (var e = Explorers.started()) {
            DatasetViewModel vm = e.vm().dataset();
            vm.open(out);
            // the statistics of an SE run say gate, never split (stats.json records the mechanism)
            assertEquals(Mechanism.SE, vm.runProperty().get().stats().blocks().get(0).words().mechanism());
            assertTrue(Files.readString(out.resolve("stats.json")).contains("\"mechanism\": \"se\""));
            String text = statisticsText(vm);
            assertTrue(text.contains("Mean gate by group") && text.contains("squeeze-excitation"), text);
            assertFalse(text.contains("split"), text);
            assertTrue(Files.readAllLines(out.resolve("summary.csv")).get(1).endsWith("preferred_gate,preferred_gate_mean"));
            assertEquals("panel,block,group,gate,channel,value,std", new String(vm.fileFigure().data().csv(),
                    java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            vm.chosenGroups().setAll("coat", "bag");
            vm.profileProperty().set(PaperFigures.Profile.SENET);
            assertNotNull(vm.fileFigure());
            assertTrue(vm.fileName().endsWith("-senet"), vm.fileName());
            Path window = export(e, temp.resolve("window-senet.png"));
            assertEquals(-1, Files.mismatch(cli, window), "the window's export and figure --profile senet differ");

            // the statistics come back when the profile is put away
            vm.profileProperty().set(null);
            assertFalse(vm.fileName().endsWith("-senet"));
            assertNotNull(vm.fileFigure());

            // senet-std compares two groups: three chosen is a one-line note, not a figure
            vm.chosenGroups().setAll("coat", "bag", "sandal");
            vm.profileProperty().set(PaperFigures.Profile.SENET_STD);
            assertNull(vm.fileFigure());
            String why = vm.nothingToExport();
            assertTrue(why.contains("two groups") && !why.contains("\n"), why);
            assertNotNull(vm.draw(600, FigureStyle.screen(false)));
            vm.chosenGroups().setAll("sandal", "coat");
            assertNotNull(vm.fileFigure(), "two groups: the figure");

            // sknet on a run at one scale: why not, in one line
            vm.profileProperty().set(PaperFigures.Profile.SKNET);
            assertNull(vm.fileFigure());
            why = vm.nothingToExport();
            assertTrue(why.contains("compares object scales") && why.contains("analyze --scales") && !why.contains("\n"),
                    why);
            assertEquals(List.of(), e.problems());
        }
    }

    @Test
    void theSknetProfileOfAScalesOutputIsTheFigureCommandsPng() throws Exception {
        Path out = temp.resolve("sk");
        ok("analyze", "--model", model("sk_basic_split"), "--input", input.toString(), "--out", out.toString(),
                "--batch", "4", "--device", "cpu", "--scales", "1,2");
        Path cli = temp.resolve("cli-sknet.png");
        ok("figure", "--view", "dataset", "--stats", out.toString(), "--profile", "sknet", "--groups", "bag,sandal",
                "--out", cli.toString());
        Path seOut = temp.resolve("se-scales");
        ok("analyze", "--model", model("se_basic_deep"), "--input", input.toString(), "--out", seOut.toString(),
                "--batch", "4", "--device", "cpu", "--scales", "1,2");
        try (var e = Explorers.started()) {
            DatasetViewModel vm = e.vm().dataset();
            vm.open(out);
            assertTrue(vm.hasScales());
            // SK statistics name paths with their kernels, never splits
            var words = vm.runProperty().get().stats().blocks().get(0).words();
            assertEquals(Mechanism.SK, words.mechanism());
            assertEquals(List.of("3×3", "3×3 dilation 2"), words.kernels());
            String text = statisticsText(vm);
            assertTrue(text.contains("Mean attention per path") && text.contains("3×3 d2")
                    && text.contains("equal shares 1/M") && text.contains("Mean weight of path 0 (3×3)"), text);
            assertFalse(text.contains("split"), text);
            assertTrue(Files.readAllLines(out.resolve("scale-1").resolve("summary.csv")).get(1)
                    .endsWith("preferred_path,preferred_path_mean"));

            // a run saved before stats.json named the mechanism still opens (as split attention)
            Path old = Files.createDirectories(temp.resolve("old-run"));
            Files.copy(out.resolve("scale-1").resolve("stats.npz"), old.resolve("stats.npz"));
            Files.writeString(old.resolve("stats.json"), Files.readString(out.resolve("scale-1").resolve("stats.json"))
                    .replaceAll(",\\s*\"mechanism\": \"sk\"", "")
                    .replaceAll(",\\s*\"kernels\": \\[[^\\]]*\\]", ""));
            assertFalse(Files.readString(old.resolve("stats.json")).contains("mechanism"));
            assertEquals(Mechanism.SPLAT, AnalysisRun.read(old).stats().blocks().get(0).words().mechanism());

            assertEquals(9, vm.runProperty().get().stats().total(), "the first scale's statistics");
            vm.chosenGroups().setAll("bag", "sandal");
            vm.profileProperty().set(PaperFigures.Profile.SKNET);
            Path window = export(e, temp.resolve("window-sknet.png"));
            assertEquals(-1, Files.mismatch(cli, window), "the window's export and figure --profile sknet differ");

            // an SE model has no kernels to select between: one line, no figure
            vm.open(seOut);
            assertNull(vm.fileFigure());
            String why = vm.nothingToExport();
            assertTrue(why.contains("needs SK paths") && !why.contains("\n"), why);
            // its SENet profile is the first scale's run, as figure --stats OUT/scale-1 draws it
            vm.profileProperty().set(PaperFigures.Profile.SENET);
            Path one = temp.resolve("cli-senet-scale1.png");
            ok("figure", "--view", "dataset", "--stats", seOut.resolve("scale-1").toString(), "--profile", "senet",
                    "--groups", "bag,sandal", "--out", one.toString());
            assertEquals(-1, Files.mismatch(one, export(e, temp.resolve("window-senet-scale1.png"))));
            assertEquals(List.of(), e.problems());
        }
    }
}
