package org.splitscope.app.featuremaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitscope.view.featuremaps.FeatureMapsFigure;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.app.Explorers;

class FeatureMapsViewModelTest {

    @Test
    void tilesFollowTheSelectionAndTheOrder() throws Exception {
        try (var e = Explorers.started()) {
            FeatureMapsViewModel vm = e.vm().featureMaps();
            var session = e.vm().session();
            session.blockProperty().set("layer1.0");
            session.groupProperty().set(1);
            var grid = vm.gridProperty().get();
            assertEquals(4, grid.tiles().size(), "C/K = 8/2");
            assertTrue(grid.tiles().stream().allMatch(t -> t.group() == 1));
            for (int i = 1; i < grid.tiles().size(); i++) {
                assertTrue(grid.tiles().get(i - 1).weight() >= grid.tiles().get(i).weight(), "attention order");
            }
            vm.orderProperty().set(FeatureMaps.Order.CHANNEL);
            assertEquals(4, vm.gridProperty().get().tiles().get(0).channel());
            session.splitProperty().set(FeatureMaps.FUSED);
            assertEquals("V (fused output)", vm.gridProperty().get().sourceName());
            var tile = vm.gridProperty().get().tiles().get(0);
            assertEquals(28 * 28, tile.values().length);
            assertTrue(vm.readout(new FeatureMapsFigure.TilePixel(tile, 3, 5)).contains("(h, w) = (5, 3)"));
            vm.tileSizeProperty().set(9999);
            assertEquals(FeatureMapsViewModel.MAX_TILE, vm.tileSizeProperty().get());
        }
    }
}
