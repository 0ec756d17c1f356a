package org.splitscope.app.intervene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.Explorers;
import org.splitscope.app.export.ExportViewModel;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.Intervention;
import org.splitscope.figure.FigureFilesTest;
import org.splitscope.figure.FigureFormat;

/** Interventions in the window: every view's capture carries the forced attention; before/after; the sweep. */
class InterventionsViewModelTest {

    @Test
    void forcedAttentionReachesEveryViewAndTheSweepIsDrawnAndSaved(@TempDir Path dir) throws Exception {
        try (var e = Explorers.started()) {
            InterventionsViewModel vm = e.vm().interventions();
            assertEquals("all", vm.blocks().get(0));
            vm.blockProperty().set("all");
            vm.kindProperty().set(InterventionsViewModel.Kind.UNIFORM);
            vm.apply();
            assertEquals(List.of(), e.problems());
            var capture = e.vm().session().capture();
            assertNotNull(capture.intervened(), "the capture holds the image without interventions too");
            for (BlockCapture b : capture.result().blocks()) {
                for (float a : b.attention()) {
                    assertEquals(1.0 / b.radix(), a, 1e-6, b.name() + ": what the views draw is the forced attention");
                }
            }
            assertEquals(5, vm.rowsProperty().get().size());
            var top = vm.rowsProperty().get().get(0);
            double[] after = org.splitscope.capture.Prediction.probabilities(capture.result().logits(0));
            assertEquals(after[top.index()], top.after(), 1e-9);
            assertEquals(capture.intervened().deltaLogits()[top.index()], top.deltaLogit(), 1e-6);
            assertTrue(!vm.summaryProperty().get().isEmpty());

            // one block more: scale split 0 by 0 at the first block, replacing nothing else
            String first = vm.blocks().get(1);
            vm.blockProperty().set(first);
            vm.kindProperty().set(InterventionsViewModel.Kind.SCALE);
            vm.splitProperty().set(0);
            vm.factorProperty().set(0);
            vm.apply();
            assertEquals(List.of("all=uniform", first + "=scale:0:0"),
                    vm.interventionsProperty().get().stream().map(Intervention::text).toList());
            BlockCapture b = e.vm().session().capture().result().block(first);
            assertEquals(0, b.attention()[0], 0, "split 0 scaled to 0 at " + first);

            // a split the block does not have is a problem, not an intervention
            vm.kindProperty().set(InterventionsViewModel.Kind.ONEHOT);
            vm.splitProperty().set(9);
            vm.apply();
            assertEquals(1, e.problems().size());
            assertEquals(2, vm.interventionsProperty().get().size());

            // the sweep on this image, drawn and saved through the figure path
            vm.kindProperty().set(InterventionsViewModel.Kind.UNIFORM);
            vm.runSweep();
            assertNotNull(vm.knockoutProperty().get());
            assertEquals(e.vm().session().attentionBlocks().size(), vm.knockoutProperty().get().blocks().size());
            ExportViewModel export = e.vm().export();
            export.formatProperty().set(FigureFormat.PNG);
            List<Path> written = new ArrayList<>();
            assertTrue(export.saveFigure(vm, dir.resolve("sweep.png"), true, p -> false, written::add));
            assertEquals("knockout", FigureFilesTest.pngText(dir.resolve("sweep.png")).get("View"));
            assertTrue(export.exportData(vm, dir.resolve("sweep.csv"), true, p -> false, written::add));
            assertTrue(Files.readAllLines(dir.resolve("sweep.csv")).get(0).startsWith("block,stage,delta_logit"));

            vm.clear();
            assertNull(e.vm().session().capture().intervened());
            assertEquals(List.of(), vm.rowsProperty().get());
        }
    }
}
