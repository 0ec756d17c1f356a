package org.splitscope.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitscope.view.heatmaps.HeatmapFigure;
import org.splitscope.app.Explorers;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;
import org.splitscope.render.ValueRange;

class HeatmapViewModelTest {

    @Test
    void matrixAndContributionMapsOfTheSelectedBlock() throws Exception {
        try (var e = Explorers.started()) {
            HeatmapViewModel vm = e.vm().heatmap();
            e.vm().session().blockProperty().set("layer3.0");
            var m = vm.matrixProperty().get();
            assertEquals(2, m.cardinality());
            assertEquals(16, m.groupChannels(), "C/K channels across");
            assertEquals(2, m.radix(), "R splits down");
            assertEquals(1, m.weight(0, 0, 3) + m.weight(0, 1, 3), 1e-5, "softmax over splits");
            var c = vm.contributionsProperty().get();
            // layer3.0 halves 14×14 with its avd pool, after the split-attention conv: U_r is still 14×14
            assertEquals(14, c.width());
            assertEquals(2, c.maps().length, "one map per split");
            assertTrue(vm.readout(new HeatmapFigure.MapPixel(1, 6, 6)).contains("(h, w) = (6, 6) of 14×14"));
            assertTrue(vm.readout(new HeatmapFigure.Cell(1, 0, 15)).contains("channel c = 15"));
            assertNull(vm.readout("anything else"));
        }
    }

    @Test
    void attentionScalesAreFixedOrStretchedAndDivergingMapsCentreOnTheUniformWeight() {
        float[] radix4 = {0.22f, 0.31f, 0.25f, 0.22f};
        assertTrue(Double.isNaN(AttentionScale.FIXED.range(radix4, 2, Colormap.VIRIDIS).center()));
        assertEquals(0.25, AttentionScale.FIXED.range(radix4, 4, Colormap.COOLWARM).center(), 1e-12);
        assertEquals(0.5, AttentionScale.FIXED.range(new float[] {0.7f}, 1, Colormap.RDBU).center(), 1e-12);
        ValueRange data = AttentionScale.DATA.range(radix4, 4, Colormap.VIRIDIS);
        assertEquals(0.22, data.min(), 1e-6);
        assertEquals(0.31, data.max(), 1e-6);
        ValueRange around = AttentionScale.AROUND_UNIFORM.range(radix4, 4, Colormap.VIRIDIS);
        assertEquals(0.25, around.center(), 1e-12);
        assertEquals(0.19, around.min(), 1e-6, "as far below 1/R as the largest weight is above it");
        assertEquals(0.31, around.max(), 1e-6);
    }

    @Test
    void activationsOnADivergingMapAreNeutralAtZeroNotMidRange() {
        ValueRange relu = ValueRange.of(0, 12).forColormap(Colormap.COOLWARM);
        assertEquals(0, relu.center(), 0, "white means zero");
        assertEquals(0.5, relu.normalize(0), 1e-12);
        assertEquals(1, relu.normalize(12), 1e-12);
        ValueRange signed = ValueRange.of(-2, 5).forColormap(Colormap.RDBU);
        assertEquals(-5, signed.min(), 0);
        assertEquals(0, signed.center(), 0);
        assertTrue(Double.isNaN(ValueRange.of(0, 12).forColormap(Colormap.MAGMA).center()), "sequential: the data range");
    }
}
