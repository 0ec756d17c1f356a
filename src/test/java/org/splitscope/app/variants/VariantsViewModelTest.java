package org.splitscope.app.variants;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.view.variants.VariantRun;
import org.splitscope.app.Explorers;
import org.splitscope.bundled.BundledModels;
import org.splitscope.figure.Draw;
import org.splitscope.figure.FigureStyle;

/** The Variants view lists every bundled model present, each worded as its mechanism, runs only while shown, and shows the ablation. */
class VariantsViewModelTest {

    @Test
    void everyBundledVariantIsShownWithTheAblationTable() throws Exception {
        try (var e = Explorers.started()) {
            VariantsViewModel vm = e.vm().variants();
            assertNull(vm.runsProperty().get(), "nothing runs while the view is hidden");
            e.vm().viewProperty().set(Views.VARIANTS);
            List<VariantRun> runs = vm.runsProperty().get();
            // each row named by its architecture's notation: 2s1x64d, SE 1x64d, SK2 1x64d
            List<String> bundled = new java.util.ArrayList<>();
            for (var b : BundledModels.all()) {
                bundled.add(org.splitscope.train.FashionMnistNetworks.find(b.file().replaceFirst("\\.safetensors$", ""))
                        .orElseThrow().notation());
            }
            assertEquals(bundled, runs.stream().map(VariantRun::notation).toList());
            for (VariantRun r : runs) {
                assertEquals(r.radix() == 0 ? 0 : 3, r.stageEnds().size(), r.notation() + ": one block per stage");
                assertEquals(3, r.top().size());
            }
            List<String> texts = Draw.placedText(vm.draw(1000, FigureStyle.screen(false))).stream()
                    .map(Draw.PlacedText::text).toList();
            for (VariantRun r : runs) {
                assertTrue(texts.contains(r.notation()), r.notation() + " has a row");
                assertTrue(texts.contains(r.mechanismShort()), r.notation() + " says its mechanism");
            }
            for (var row : BundledModels.ablation().rows()) {
                assertTrue(texts.contains(row.notation()), row.notation() + " has a row in the ablation table");
            }
            String readout = vm.readout(new org.splitscope.view.variants.VariantsFigure.Cell(0, 0));
            assertTrue(readout.contains(runs.get(0).mechanismWords()), readout);
            assertTrue(texts.contains("top-1 paper"), "the paper's numbers beside ours");
            assertEquals(List.of(), e.problems());
        }
    }
}
