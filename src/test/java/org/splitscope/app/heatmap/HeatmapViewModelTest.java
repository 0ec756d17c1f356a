package org.splitscope.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitscope.app.Explorers;
import org.splitscope.render.Colormap;

class HeatmapViewModelTest {

    @Test
    void matrixAndContributionMapsOfTheSelectedBlock() throws Exception {
        try (var e = Explorers.started()) {
            HeatmapViewModel vm = e.vm().heatmap();
            e.vm().session().blockProperty().set("layer3.0");
            var m = vm.matrixProperty().get();
            assertEquals(2, m.groups().size());
            assertEquals(16, m.groups().get(0).width(), "C/K channels across");
            assertEquals(2, m.groups().get(0).height(), "R splits down");
            assertEquals(1, m.weight(0, 0, 3) + m.weight(0, 1, 3), 1e-5, "softmax over splits");
            var c = vm.contributionsProperty().get();
            assertNull(c.status());
            // layer3.0 halves 14×14 with its avd pool, after the split-attention conv: U_r is still 14×14
            assertEquals(14, c.mapWidth());
            assertEquals(256, c.panels().get(0).width(), "upsampled for display");
            assertTrue(vm.contributionReadout(1, 6, 6).contains("(h, w) = (6, 6) of 14×14"));
            assertTrue(vm.attentionReadout(1, 0, 15).contains("channel c = 15"));
        }
    }

    @Test
    void aDivergingColormapCentresAttentionOnTheUniformWeight() {
        assertTrue(Double.isNaN(HeatmapViewModel.attentionRange(2, Colormap.VIRIDIS).center()));
        assertEquals(0.25, HeatmapViewModel.attentionRange(4, Colormap.COOLWARM).center(), 1e-12);
        assertEquals(0.5, HeatmapViewModel.attentionRange(1, Colormap.RDBU).center(), 1e-12);
    }
}
