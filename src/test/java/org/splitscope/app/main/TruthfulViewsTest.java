package org.splitscope.app.main;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.Explorers;
import org.splitscope.app.TestModels;
import org.splitscope.app.export.ExportViewModel;
import org.splitscope.capture.Intervention;
import org.splitscope.figure.FigureFilesTest;
import org.splitscope.figure.FigureFormat;

/**
 * What the window shows is the result of the open model, image and settings, or nothing with a
 * hint; forced attention is said in every view and every export.
 */
class TruthfulViewsTest {
    @TempDir
    Path temp;

    @Test
    void forcedAttentionIsOnEveryViewsBannerAndInEveryExport() throws Exception {
        try (var e = Explorers.started()) {
            MainViewModel vm = e.vm();
            assertEquals("", vm.forcedBanner().get(), "no banner for the network as trained");
            vm.session().interventionsProperty().set(List.of(Intervention.parse("all=uniform")));
            assertEquals(List.of(), e.problems());
            for (ViewSpec v : Views.tabs()) {
                vm.viewProperty().set(v);
                assertTrue(vm.forcedBanner().get().startsWith("attention forced: all blocks uniform"), v + ": "
                        + vm.forcedBanner().get());
            }
            vm.viewProperty().set(Views.VARIANTS);
            assertTrue(vm.forcedBanner().get().contains("as trained"), "the variants are not forced, and it says so");

            ExportViewModel export = vm.export();
            export.formatProperty().set(FigureFormat.PNG);
            List<Path> written = new ArrayList<>();
            assertTrue(export.saveFigure(vm.heatmap(), temp.resolve("forced.png"), true, p -> false, written::add));
            assertEquals("all blocks uniform", FigureFilesTest.pngText(temp.resolve("forced.png")).get("Intervention"));
            assertTrue(FigureFilesTest.pngText(temp.resolve("forced.png")).get("Title")
                    .endsWith("attention forced: all blocks uniform"), "the caption line and title say it");
            assertTrue(export.exportData(vm.splitBars(), temp.resolve("forced.csv"), true, p -> false, written::add));
            List<String> csv = Files.readAllLines(temp.resolve("forced.csv"));
            assertTrue(csv.get(0).endsWith(",intervention"), csv.get(0));
            assertTrue(csv.get(1).endsWith(",all blocks uniform"), csv.get(1));
            var json = JsonParser.parseString(Files.readString(temp.resolve("forced.json"), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            assertEquals("all blocks uniform", json.getAsJsonObject("provenance").get("Intervention").getAsString());

            vm.session().interventionsProperty().set(List.of());
            assertEquals("", vm.forcedBanner().get());
            assertTrue(export.saveFigure(vm.heatmap(), temp.resolve("plain.png"), true, p -> false, written::add));
            assertNull(FigureFilesTest.pngText(temp.resolve("plain.png")).get("Intervention"));
            assertTrue(export.exportData(vm.splitBars(), temp.resolve("plain.csv"), true, p -> false, written::add));
            assertFalse(Files.readAllLines(temp.resolve("plain.csv")).get(0).contains("intervention"));
        }
    }

    @Test
    void aModelChangeLeavesNoResultOfTheOldModel() throws Exception {
        try (var e = Explorers.started()) {
            MainViewModel vm = e.vm();
            var sweep = vm.interventions();
            assertNotNull(vm.export().nothingToExport(sweep), "no sweep yet: the export says so");
            assertTrue(vm.export().nothingToExport(sweep).contains("Run sweep"));
            sweep.runSweep();
            assertNotNull(sweep.knockoutProperty().get());
            assertNull(vm.export().nothingToExport(sweep));
            int revision = sweep.revisionProperty().get();

            var cam = vm.cam();
            assertNotNull(cam.chooseClass("no such class"));
            assertFalse(cam.classErrorProperty().get().isEmpty());

            vm.model().open(TestModels.gray28()); // another model (the same file opened again is a new network)
            assertEquals(List.of(), e.problems());
            assertNull(sweep.knockoutProperty().get(), "the sweep of the old model is gone");
            assertTrue(sweep.revisionProperty().get() > revision, "and the figure is drawn again, without it");
            assertTrue(vm.export().nothingToExport(sweep).contains("Run sweep"));
            assertEquals("", cam.classErrorProperty().get(), "the old model's class error is cleared");

            // Export data on a view with nothing: says why instead of writing nothing silently
            assertTrue(vm.export().nothingToExport(vm.dataset()).contains("Analyze folder"));
            List<Path> written = new ArrayList<>();
            assertFalse(vm.export().exportData(vm.dataset(), temp.resolve("d.csv"), true, p -> false, written::add));
        }
    }

    @Test
    void datasetStatisticsSayWhichModelMadeThemAndWhenItIsNotTheOpenOne() throws Exception {
        Path input = temp.resolve("folders");
        for (String g : List.of("coat", "bag")) {
            Files.createDirectories(input.resolve(g));
            try (var files = Files.list(Path.of("resources/samples/fashion-mnist"))) {
                Path one = files.filter(p -> p.getFileName().toString().startsWith(g + "-")).sorted().findFirst()
                        .orElseThrow();
                Files.copy(one, input.resolve(g).resolve(one.getFileName()));
            }
        }
        try (var e = Explorers.started()) {
            var dataset = e.vm().dataset();
            dataset.setOutputs(temp.resolve("analyses"));
            dataset.analyze(input);
            assertEquals(List.of(), e.problems());
            var run = dataset.runProperty().get();
            String origin = dataset.originProperty().get();
            assertTrue(origin.contains(run.modelName()) && origin.contains(run.modelSha256().substring(0, 12)), origin);
            assertEquals("", dataset.noticeProperty().get(), "made by the open model");

            assertTrue(e.vm().model().openDefault()); // the bundled default: another network, another SHA-256
            assertEquals(List.of(), e.problems());
            assertTrue(dataset.noticeProperty().get().startsWith("Not the open model"), dataset.noticeProperty().get());
            assertTrue(dataset.originProperty().get().contains(run.modelSha256().substring(0, 12)));
        }
    }
}
