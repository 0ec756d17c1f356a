package org.splitscope.app.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.view.dataset.ChannelProfiles;
import org.splitscope.view.dataset.GroupShares;
import org.splitscope.app.Explorers;
import org.splitscope.app.export.ExportViewModel;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.dataset.ChannelProfileFigure;
import org.splitscope.view.dataset.DatasetFigure;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureFilesTest;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Hit;
import org.splitscope.view.splitbars.SplitBarsFigure;
import org.splitscope.io.Npz64;

/** The Dataset view: a run with the open model, its numbers as stats.npz has them, and its figure's files. */
class DatasetViewModelTest {
    @TempDir
    Path temp;

    /** The 30 Fashion-MNIST samples as an ImageFolder: ankle-boot/, bag/, … (3 each). */
    static Path folder(Path temp) throws Exception {
        Path root = temp.resolve("fmnist");
        try (var files = Files.list(Path.of("resources/samples/fashion-mnist"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".png")).sorted()::iterator) {
                String group = f.getFileName().toString().replaceAll("-\\d+\\.png$", "");
                Files.createDirectories(root.resolve(group));
                Files.copy(f, root.resolve(group).resolve(f.getFileName()));
            }
        }
        return root;
    }

    @Test
    void analysesAFolderAndShowsWhatStatsNpzHolds() throws Exception {
        Path input = folder(temp);
        try (var e = Explorers.started()) {
            DatasetViewModel vm = e.vm().dataset();
            vm.setOutputs(temp.resolve("analyses"));
            assertNotNull(vm.draw(600, FigureStyle.screen(false)), "a note before any run");
            vm.analyze(input);
            assertEquals(List.of(), e.problems());
            AnalysisRun run = vm.runProperty().get();
            assertNotNull(run);
            Path out = vm.folderProperty().get();
            assertTrue(Files.isRegularFile(out.resolve("stats.npz")) && out.startsWith(temp.resolve("analyses")));
            assertEquals(30, run.stats().total());
            assertEquals(10, vm.groups().size());
            assertEquals(DEFAULT, vm.chosenGroups().size(), "the first groups to compare");
            assertEquals(run.stats().blocks().get(run.stats().blocks().size() - 1).name(), vm.blockProperty().get());

            // the share panel's numbers are stats.npz's means and stds, averaged over the channels
            vm.blockProperty().set(run.stats().blocks().get(0).name());
            vm.chosenGroups().setAll("bag", "coat");
            String block = vm.blockProperty().get();
            var arrays = Npz64.read(out.resolve("stats.npz"));
            Npz64.Array mean = arrays.get(block + ".attention.mean");
            Npz64.Array std = arrays.get(block + ".attention.std");
            int groups = 10;
            int per = mean.data().length / groups / 2; // R = 2
            GroupShares shares = GroupShares.of(run.stats(), 0, List.of(1, 2));
            for (int row = 1; row <= 2; row++) {
                int g = shares.rows().get(row).group();
                assertEquals(List.of("bag", "coat").get(row - 1), shares.rows().get(row).name());
                for (int r = 0; r < 2; r++) {
                    double m = 0;
                    double s = 0;
                    for (int c = 0; c < per; c++) {
                        m += mean.data()[(g * 2 + r) * per + c] / per;
                        s += std.data()[(g * 2 + r) * per + c] / per;
                    }
                    assertEquals(m, shares.rows().get(row).mean()[r], 1e-12);
                    assertEquals(s, shares.rows().get(row).std()[r], 1e-12);
                }
            }
            // the profiles follow the all-images order
            ChannelProfiles p = ChannelProfiles.of(run.stats(), 0, List.of(1, 2));
            for (ChannelProfiles.Profile stage : p.stages()) {
                for (int i = 1; i < stage.all().length; i++) {
                    assertTrue(stage.all()[i - 1] >= stage.all()[i], stage.block() + " sorted");
                }
            }

            // every part answers where it is drawn; a share bar has its split's colour
            Drawing d = vm.draw(800, FigureStyle.screen(false));
            BufferedImage image = FigureFiles.image(d, 72);
            int shareBars = 0;
            int cells = 0;
            int channels = 0;
            for (Hit h : d.hits()) {
                Point2D c = h.centre(0, 0);
                Object target = d.hit(c.getX(), c.getY());
                if (target instanceof DatasetFigure.Share share) {
                    shareBars++;
                    int x = (int) (h.area().getX() + 2); // just right of the axis, inside every bar
                    assertEquals(SplitBarsFigure.splitColour(vm.figures().colormap(), share.split(), 2) & 0xFFFFFF,
                            image.getRGB(x, (int) c.getY()) & 0xFFFFFF, "bar " + share);
                    assertTrue(vm.readout(share).contains(share.split() == 0 ? "r = 0" : "r = 1"));
                } else if (target instanceof DatasetFigure.Cell) {
                    cells += h.rows() * h.columns();
                    assertTrue(vm.readout(target).contains("entropy"));
                } else {
                    channels++;
                    assertInstanceOf(ChannelProfileFigure.Channel.class, target);
                    assertTrue(vm.readout(target).contains("all images"));
                }
            }
            assertEquals(3 * 2, shareBars, "all images + 2 groups, 2 splits each");
            assertEquals(10 * run.stats().blocks().size(), cells);
            assertEquals(ChannelProfiles.stageEnds(run.stats()).size(), channels);

            // files: the figure and its numbers
            ExportViewModel export = e.vm().export();
            assertTrue(export.suggestedName(vm, ".pdf").startsWith("splitscope-dataset-fmnist-"));
            export.formatProperty().set(FigureFormat.PDF);
            List<Path> written = new ArrayList<>();
            assertTrue(export.saveFigure(vm, temp.resolve("dataset.pdf"), true, f -> false, written::add));
            try (var pdf = Loader.loadPDF(temp.resolve("dataset.pdf").toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                assertTrue(text.contains("all images (30)") && text.contains("bag (3)") && text.contains(block), text);
                assertEquals("dataset", pdf.getDocumentInformation().getCustomMetadataValue("SplitScope View"));
            }
            export.formatProperty().set(FigureFormat.PNG);
            assertTrue(export.saveFigure(vm, temp.resolve("dataset.png"), true, f -> false, written::add));
            assertEquals(block, FigureFilesTest.pngText(temp.resolve("dataset.png")).get("Block"));
            assertTrue(export.exportData(vm, temp.resolve("dataset.csv"), true, f -> false, written::add));
            List<String> csv = Files.readAllLines(temp.resolve("dataset.csv"), StandardCharsets.UTF_8);
            assertEquals("panel,block,group,split,channel,value,std", csv.get(0));
            assertTrue(csv.get(1).startsWith("shares," + block + ",all images,0,,"), csv.get(1));

            // reopening what was saved shows the same statistics
            vm.open(out);
            assertEquals(30, vm.runProperty().get().stats().total());
            assertEquals(List.of(), e.problems());
        }
    }

    private static final int DEFAULT = org.splitscope.view.dataset.DatasetRequest.DEFAULT_GROUPS;

    @Test
    void aStoppedAnalysisShowsWhatItDidAndResumeFinishesItInTheSameFolder() throws Exception {
        Path input = folder(temp);
        try (var e = Explorers.started()) {
            DatasetViewModel vm = e.vm().dataset();
            vm.setOutputs(temp.resolve("analyses"));
            // Stop pressed as the run starts (the tests' executor runs the job inline): it ends after its first batch.
            boolean[] pressed = {false};
            vm.messageProperty().addListener((obs, old, now) -> {
                if (!pressed[0] && now.startsWith("Analysing fmnist with")) {
                    pressed[0] = true;
                    vm.stop();
                }
            });
            vm.analyze(input);
            assertEquals(List.of(), e.problems());
            assertTrue(vm.canResume());
            assertEquals(FolderAnalysis.BATCH, vm.runProperty().get().stats().total(), "the first batch, shown");
            assertTrue(vm.messageProperty().get().startsWith("Stopped after 16 of 30 images")
                    && vm.messageProperty().get().contains("Resume continues"), vm.messageProperty().get());
            Path out = vm.folderProperty().get();

            vm.resume();
            assertEquals(List.of(), e.problems());
            assertFalse(vm.canResume());
            assertFalse(vm.analyzingProperty().get());
            assertEquals(out, vm.folderProperty().get(), "continued where it was saved");
            assertEquals(30, vm.runProperty().get().stats().total());
            assertTrue(vm.messageProperty().get().startsWith("30 images in 10 groups · saved in " + out),
                    vm.messageProperty().get());
        }
    }

    @Test
    void aFolderWithoutGroupsIsAProblemNotARun() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        try (var e = Explorers.started()) {
            DatasetViewModel vm = e.vm().dataset();
            vm.setOutputs(temp.resolve("analyses"));
            vm.analyze(empty);
            assertEquals(null, vm.runProperty().get());
            assertEquals(1, e.problems().size());
            assertTrue(e.problems().get(0).message().contains("no sub-folders"), e.problems().get(0).message());
            vm.open(temp);
            assertEquals(2, e.problems().size(), "no stats.json there");
        }
    }
}
