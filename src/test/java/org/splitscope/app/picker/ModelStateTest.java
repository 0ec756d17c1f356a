package org.splitscope.app.picker;

import org.splitscope.engine.ArchitectureSummary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitscope.TestSupport;
import org.splitscope.app.Explorers;
import org.splitscope.app.TestModels;
import org.splitscope.app.main.MainViewModel;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.runtime.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;

/**
 * Nothing of one model survives the next open: what the weights cannot say is decided afresh for
 * every file, and a failed load or preset leaves the previous model and the controls as they were.
 */
class ModelStateTest {
    /** A zip .pth without any SplitScope metadata: avd last unless someone says otherwise. */
    private static Path plainCheckpoint() throws Exception {
        return TestSupport.resource("parity/r2k1_odd15.pth");
    }

    @Test
    void aCheckpointOpenedAfterABundledAvdFirstModelIsBuiltAsTheCliBuildsIt() throws Exception {
        try (var e = Explorers.started(null, TestModels.image())) { // the bundled default: avd first
            var session = e.vm().session();
            assertTrue(session.modelProperty().get().config().avdFirst());
            assertTrue(e.vm().model().avdFirstProperty().get());

            Path file = plainCheckpoint();
            e.vm().model().open(file); // what Ctrl+O and a drop call
            assertEquals(List.of(), e.problems());
            LoadedModel gui = session.modelProperty().get();
            assertEquals(file, gui.file());
            assertFalse(gui.config().avdFirst(), "the bundled model's avd-first must not carry over");
            assertFalse(e.vm().model().avdFirstProperty().get(), "the box shows the model's true state");
            assertEquals(ModelViewModel.FROM_WEIGHTS, e.vm().model().presetProperty().get());
            ArchitectureSummary card = e.vm().model().summaryProperty().get();
            assertEquals("last (default: not in the weights)", card.value("avd pool"));
            assertEquals("read off the weights", card.value("Architecture"));

            // the same image through the CLI's loading path gives the same attention, block by block
            assertEquals(MainViewModel.State.READY, e.vm().stateProperty().get());
            var shown = session.capture();
            try (LoadedModel cli = ModelLoader.load(new ModelLoader.Request(file, null, false, null, Engines.device("cpu")))) {
                CaptureResult expected = CaptureService.capture(cli, List.of(shown.sample()), Set.of());
                assertEquals(expected.blocks().size(), shown.result().blocks().size());
                for (BlockCapture b : expected.blocks()) {
                    assertArrayEquals(b.attention(), shown.result().block(b.name()).attention(), b.name());
                    assertArrayEquals(b.gap(), shown.result().block(b.name()).gap(), b.name());
                }
                assertArrayEquals(expected.logits(), shown.result().logits());
            }
        }
    }

    @Test
    void aRejectedPresetLeavesTheModelWorkingAndDoesNotStick() throws Exception {
        Path file = plainCheckpoint();
        try (var e = Explorers.started(file, TestModels.image())) {
            var vm = e.vm().model();
            LoadedModel before = e.vm().session().modelProperty().get();
            vm.presetProperty().set("resnest101e");
            vm.reload();
            assertEquals(1, e.problems().size());
            assertTrue(e.problems().get(0).message().contains("does not match preset resnest101e"),
                    e.problems().get(0).message());
            assertSame(before, e.vm().session().modelProperty().get(), "the previous model stays");
            assertEquals(ModelViewModel.FROM_WEIGHTS, vm.presetProperty().get(), "the box shows what is open");
            assertEquals(MainViewModel.State.READY, e.vm().stateProperty().get());
            assertNotNull(e.vm().session().capture());
            assertFalse(vm.loadingProperty().get());

            vm.openDefault(); // a bundled model, then the same file again: no trace of the preset
            vm.open(file);
            assertEquals(1, e.problems().size(), "the next open is not judged by the rejected preset");
            assertEquals(file, e.vm().session().modelProperty().get().file());
            assertEquals(null, e.vm().session().modelProperty().get().preset());
        }
    }

    @Test
    void anAvdChoiceBelongsToTheFileItWasMadeFor() throws Exception {
        Path file = plainCheckpoint();
        try (var e = Explorers.started(file, TestModels.image())) {
            var vm = e.vm().model();
            vm.avdFirstProperty().set(true);
            vm.reload();
            LoadedModel chosen = e.vm().session().modelProperty().get();
            assertTrue(chosen.config().avdFirst());
            assertEquals("first (your choice)", vm.summaryProperty().get().value("avd pool"));
            assertEquals(Boolean.TRUE, e.settings().lastModel().orElseThrow().avdFirst(), "remembered for this file");

            vm.open(file); // opened afresh (Ctrl+O): only the file decides
            assertFalse(e.vm().session().modelProperty().get().config().avdFirst());
            assertEquals(null, e.settings().lastModel().orElseThrow().avdFirst());
        }
    }
}
