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
            vm.select("layer1.0");
            vm.step(1);
            assertEquals("layer2.0", e.vm().session().blockProperty().get());
            vm.step(5);
            assertEquals("layer3.0", e.vm().session().blockProperty().get());
        }
    }
}
