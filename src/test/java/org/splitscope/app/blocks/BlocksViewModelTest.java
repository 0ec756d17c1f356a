package org.splitscope.app.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.app.Explorers;

class BlocksViewModelTest {

    @Test
    void stagesBlocksAndTheChoicesOfTheSelectedBlock() throws Exception {
        try (var e = Explorers.started()) {
            BlocksViewModel vm = e.vm().blocks();
            assertEquals(List.of("layer1", "layer2", "layer3"), vm.stagesProperty().get().stream().map(StageInfo::name).toList());
            assertEquals(List.of(-1, 0, 1), vm.groupChoicesProperty().get().stream().map(BlocksViewModel.Choice::value).toList());
            assertEquals(List.of(0, 1, -1), vm.splitChoicesProperty().get().stream().map(BlocksViewModel.Choice::value).toList());
            assertEquals("Split", vm.splitNameProperty().get());
            vm.select("layer1.0");
            vm.step(1);
            assertEquals("layer2.0", e.vm().session().blockProperty().get());
            vm.step(5);
            assertEquals("layer3.0", e.vm().session().blockProperty().get());
            assertEquals("bar: attention entropy over splits (1 = uniform)", BlocksViewModel.legend(vm.stagesProperty().get()));
            BlockInfo b = vm.find("layer2.0");
            assertEquals(true, BlocksViewModel.barTooltip(b).contains("over the 2 splits"));
        }
    }

    @Test
    void forGatesTheBarSaysItIsTheBinaryEntropyOfTheSigmoidGate() throws Exception {
        try (var e = Explorers.started(null, org.splitscope.app.TestModels.image())) {
            assertEquals(true, e.vm().model().openBundled("fmnist-1s1x64d.safetensors"));
            BlocksViewModel vm = e.vm().blocks();
            String legend = BlocksViewModel.legend(vm.stagesProperty().get());
            assertEquals(true, legend.startsWith("bar: binary entropy of the sigmoid gate"), legend);
            BlockInfo b = vm.blocks().get(0);
            assertEquals(1, b.radix());
            assertEquals(true, BlocksViewModel.barTooltip(b).contains("binary entropy of the sigmoid gate"));
        }
    }

    @Test
    void forSeAndSkTheChoiceIsBetweenMapsNotSplits() throws Exception {
        try (var e = Explorers.started(null, org.splitscope.app.TestModels.image())) {
            BlocksViewModel vm = e.vm().blocks();
            assertEquals(true, e.vm().model().openBundled("fmnist-se1x64d.safetensors"));
            assertEquals("Map", vm.splitNameProperty().get());
            assertEquals(List.of("X (pre-gate map)", "X·g (gated output)"),
                    vm.splitChoicesProperty().get().stream().map(BlocksViewModel.Choice::label).toList());
            assertEquals(true, e.vm().model().openBundled("fmnist-sk2s1x64d.safetensors"));
            assertEquals("Map", vm.splitNameProperty().get());
            assertEquals(true, vm.splitChoicesProperty().get().get(1).label().contains("3×3 dilation 2"));
            assertEquals(true, e.vm().model().openBundled("fmnist-2s1x64d.safetensors"));
            assertEquals("Split", vm.splitNameProperty().get(), "split attention keeps its word");
        }
    }
}
