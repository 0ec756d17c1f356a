package org.splitscope.app.main;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.app.Explorers;
import org.splitscope.app.base.SerialTaskExecutor;
import org.splitscope.app.base.Settings;
import org.splitscope.app.base.StartOptions;
import org.splitscope.app.TestModels;
import org.splitscope.app.session.Session;
import org.splitscope.render.Colormap;

/** The explorer's view models end to end on a real (tiny) model, without an FX thread. */
class MainViewModelTest {

    @Test
    void startsOnTheModelAndImageAlreadyShowingAttention() throws Exception {
        try (var e = Explorers.started()) {
            MainViewModel vm = e.vm();
            assertEquals(List.of(), e.problems());
            assertEquals(MainViewModel.State.READY, vm.stateProperty().get());
            assertEquals("layer2.0", vm.session().blockProperty().get(), "a middle block is selected");
            assertEquals(5, vm.images().predictionsProperty().get().size());
            assertTrue(TestModels.FASHION.contains(vm.images().predictionsProperty().get().get(0).label()));
            assertNotNull(vm.heatmap().matrixProperty().get());
            assertEquals(2, vm.heatmap().contributionsProperty().get().maps().length, "one map per split");
            assertEquals("2s2x64d", vm.model().summaryProperty().get().notation());
            assertEquals("CPU", vm.model().summaryProperty().get().value("Device"));
            assertEquals(3, vm.blocks().blocks().size());
            assertTrue(vm.blocks().blocks().stream().allMatch(b -> b.entropy() > 0 && b.entropy() <= 1));
        }
    }

    @Test
    void selectionAndColormapChangesRedrawWithoutRunningTheNetwork() throws Exception {
        try (var e = Explorers.started()) {
            Session s = e.vm().session();
            int forwards = s.forwardsProperty().get();
            var matrix = e.vm().heatmap().matrixProperty().get();
            s.blockProperty().set("layer3.0");
            assertEquals("layer3.0", e.vm().heatmap().matrixProperty().get().block());
            assertEquals("layer3.0", e.vm().splitBars().barsProperty().get().block());
            assertEquals("layer3.0", e.vm().gap().gapProperty().get().block());
            assertEquals("layer3.0", e.vm().featureMaps().gridProperty().get().block());
            s.groupProperty().set(1);
            assertEquals(1, e.vm().heatmap().contributionsProperty().get().group());
            assertEquals(16, e.vm().featureMaps().gridProperty().get().tiles().size(), "C/K = 32/2 channels");
            s.splitProperty().set(FeatureMaps.FUSED);
            assertEquals(FeatureMaps.FUSED, e.vm().featureMaps().gridProperty().get().split());
            int revision = e.vm().heatmap().revisionProperty().get();
            for (Colormap c : Colormap.values()) {
                s.colormapProperty().set(c);
                assertSame(c, e.vm().heatmap().request().colormap());
            }
            e.vm().heatmap().opacityProperty().set(0.2);
            assertEquals(0.2, e.vm().heatmap().request().opacity());
            assertTrue(e.vm().heatmap().revisionProperty().get() > revision, "the figure is drawn again");
            assertFalse(matrix == e.vm().heatmap().matrixProperty().get());
            assertEquals(forwards, s.forwardsProperty().get(), "no forward for a selection change");
            e.vm().images().addPixels(null, javax.imageio.ImageIO.read(TestModels.image().toFile()));
            assertEquals(forwards + 1, s.forwardsProperty().get(), "a new image runs the network once");
            assertEquals("layer3.0", s.blockProperty().get(), "the selection survives a new image");
        }
    }

    @Test
    void aCheckpointThatFailsToLoadLeavesTheCurrentModel(@TempDir Path dir) throws Exception {
        try (var e = Explorers.started()) {
            var before = e.vm().session().modelProperty().get();
            Path broken = Files.write(dir.resolve("broken.safetensors"), new byte[] {1, 2, 3});
            e.vm().open(List.of(broken));
            assertSame(before, e.vm().session().modelProperty().get());
            assertEquals(1, e.problems().size());
            assertTrue(e.problems().get(0).message().contains("broken.safetensors"), e.problems().get(0).message());
            assertFalse(e.problems().get(0).message().contains("\n"));
            assertTrue(e.problems().get(0).details().contains("Exception"));
            assertEquals(MainViewModel.State.READY, e.vm().stateProperty().get());
        }
    }

    @Test
    void withoutABundledModelItOpensOnTheEmptyState() {
        Settings settings = TestModels.settings();
        try {
            MainViewModel vm = new MainViewModel(SerialTaskExecutor.direct(), settings);
            vm.model().bundled().clear(); // as in a build without bundled models
            vm.start(StartOptions.none());
            assertEquals(MainViewModel.State.NO_MODEL, vm.stateProperty().get());
            assertNull(vm.problemProperty().get(), "no bundled model is not an error");
        } finally {
            settings.clear();
        }
    }

    @Test
    void remembersTheLastModelThemeAndColormap() throws Exception {
        Settings settings;
        try (var e = Explorers.started()) {
            settings = e.settings();
            e.vm().session().darkProperty().set(true);
            e.vm().session().colormapProperty().set(Colormap.MAGMA);
            assertEquals(TestModels.gray28().toAbsolutePath(), settings.lastModel().orElseThrow().file());
            MainViewModel again = new MainViewModel(SerialTaskExecutor.direct(), settings);
            again.start(StartOptions.none());
            assertTrue(again.session().darkProperty().get());
            assertEquals(Colormap.MAGMA, again.session().colormapProperty().get());
            assertEquals(TestModels.gray28().toAbsolutePath(), again.session().modelProperty().get().file().toAbsolutePath(),
                    "the remembered model is open");
            again.session().modelProperty().get().close();
        }
    }

    @Test
    void aRadixZeroModelSaysThereIsNoAttentionToShow(@TempDir Path dir) throws Exception {
        // The r0k1 parity net, with its config in the file so the stride-1 stem is right.
        Path file = dir.resolve("r0.safetensors");
        var config = org.splitscope.model.ResNeStConfig.builder().layers(1, 2, 1, 1).radix(0).basePlanes(4).stemWidth(4)
                .numClasses(10).stemStride(1).stemPool(false).build();
        try (var manager = org.splitscope.TestSupport.manager()) {
            var tensors = org.splitscope.checkpoint.Checkpoints.read(
                    org.splitscope.TestSupport.resource("parity/r0k1.safetensors"), manager).tensors();
            org.splitscope.checkpoint.SafetensorsWriter.write(file, tensors,
                    java.util.Map.of(org.splitscope.model.Metadata.CONFIG, new com.google.gson.Gson().toJson(config)));
        }
        try (var e = Explorers.started(file, TestModels.image())) {
            assertEquals(List.of(), e.problems());
            assertEquals(MainViewModel.State.NO_ATTENTION, e.vm().stateProperty().get());
            assertEquals(5, e.vm().images().predictionsProperty().get().size(), "predictions still");
            assertNull(e.vm().heatmap().matrixProperty().get());
        }
    }

    @Test
    void dropsRouteCheckpointsToTheModelAndImagesToTheStrip() {
        assertTrue(MainViewModel.isCheckpoint(Path.of("x/resnest50.pth")));
        assertTrue(MainViewModel.isCheckpoint(Path.of("m.safetensors")));
        assertFalse(MainViewModel.isCheckpoint(Path.of("cat.png")));
        assertEquals(Views.GAP, Views.tab("gap"));
    }

    @Test
    void theHoverLineNeverOutlivesWhatItDescribes() throws Exception {
        try (var e = Explorers.started()) {
            var readout = e.vm().heatmap().readout();
            String hint = readout.text();
            readout.show(e.vm().heatmap().readout(new org.splitscope.view.heatmaps.HeatmapFigure.Cell(0, 1, 3)));
            assertTrue(readout.text().contains("layer2.0"), readout.text());
            e.vm().session().blockProperty().set("layer3.0");
            assertEquals(hint, readout.text(), "a new block");
            readout.show(e.vm().heatmap().readout(new org.splitscope.view.heatmaps.HeatmapFigure.Cell(0, 1, 3)));
            e.vm().viewProperty().set(Views.GAP);
            assertEquals(hint, readout.text(), "another view");
            readout.show(e.vm().heatmap().readout(new org.splitscope.view.heatmaps.HeatmapFigure.Cell(0, 1, 3)));
            e.vm().images().next();
            assertEquals(hint, readout.text(), "another image");
            readout.show(e.vm().heatmap().readout(new org.splitscope.view.heatmaps.HeatmapFigure.Cell(0, 1, 3)));
            e.vm().model().openDefault();
            assertEquals(hint, readout.text(), "another model");
        }
    }

    @Test
    void theSamplesFitTheModelAndTheUsersImagesStay() throws Exception {
        try (var e = Explorers.started(null, TestModels.image())) { // bundled default: 28×28 grey
            var images = e.vm().images();
            assertEquals(TestModels.image(), images.images().get(0).file(), "the user's image first");
            assertTrue(images.images().stream().skip(1).allMatch(i -> i.file().toString().contains("fashion-mnist")),
                    "grey samples for a grey model");
            assertTrue(images.images().size() > 10);
            e.vm().model().open(org.splitscope.TestSupport.resource("parity/r2k1_odd15.pth")); // an RGB model
            assertEquals(TestModels.image(), images.images().get(0).file(), "kept across the model change");
            assertEquals(0, images.selectedProperty().get(), "and still shown");
            assertTrue(images.images().size() > 1);
            assertTrue(images.images().stream().skip(1).noneMatch(i -> i.file().toString().contains("fashion-mnist")),
                    "photos, not ankle boots, for an RGB model");
            assertEquals(MainViewModel.State.READY, e.vm().stateProperty().get());
        }
    }

    @Test
    void cancellingFromTheStatusBarNeverLeavesTheWindowWaiting() throws Exception {
        java.util.Deque<Runnable> queue = new java.util.ArrayDeque<>();
        SerialTaskExecutor executor = SerialTaskExecutor.of(queue::add, Runnable::run);
        Settings settings = TestModels.settings();
        MainViewModel vm = new MainViewModel(executor, settings);
        try {
            vm.start(new StartOptions(TestModels.gray28(), TestModels.image(), null, null, null, null, null, null));
            assertEquals(MainViewModel.State.OPENING, vm.stateProperty().get());
            executor.cancelAll();
            drain(queue);
            assertFalse(vm.model().loadingProperty().get(), "a cancelled open is over");
            assertEquals(MainViewModel.State.NO_MODEL, vm.stateProperty().get());

            vm.model().open(TestModels.gray28());
            vm.images().add(List.of(TestModels.image())); // the reading was cancelled too
            vm.images().addSamples();
            drain(queue);
            assertEquals(MainViewModel.State.READY, vm.stateProperty().get());
            vm.images().next();
            executor.cancelAll();
            drain(queue);
            assertEquals(MainViewModel.State.STOPPED, vm.stateProperty().get(), "says so, with a way to run it again");
            vm.session().recapture();
            drain(queue);
            assertEquals(MainViewModel.State.READY, vm.stateProperty().get());
        } finally {
            var model = vm.session().modelProperty().get();
            vm.session().modelProperty().set(null);
            drain(queue);
            if (model != null) {
                model.close();
            }
            settings.clear();
        }
    }

    private static void drain(java.util.Deque<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }
}
