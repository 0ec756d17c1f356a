package org.splitscope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.input.Preprocessing;

class RenderingTest {

    @Test
    void rasterizeMapsTheRangeOntoTheColormapEnds() {
        Raster r = Heatmaps.rasterize(new float[] {0, 1, 2, 4}, 2, 2, Colormap.VIRIDIS, ValueRange.of(0, 4));
        assertEquals(Colormap.VIRIDIS.argb(0), r.get(0, 0));
        assertEquals(Colormap.VIRIDIS.argb(0.5), r.get(0, 1));
        assertEquals(Colormap.VIRIDIS.argb(1), r.get(1, 1));
    }

    @Test
    void bilinearMatchesPyTorchAlignCornersFalse() {
        // torch.nn.functional.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=4, mode="bilinear")
        float[] expected = {
            0.00f, 0.25f, 0.75f, 1.00f,
            0.50f, 0.75f, 1.25f, 1.50f,
            1.50f, 1.75f, 2.25f, 2.50f,
            2.00f, 2.25f, 2.75f, 3.00f};
        assertArrayEquals(expected, Resampling.bilinear(new float[] {0, 1, 2, 3}, 2, 2, 4, 4), 1e-6f);
        // Same size is the identity; a single pixel spreads everywhere.
        float[] grid = {1, 5, 2, 7, 3, 9};
        assertArrayEquals(grid, Resampling.bilinear(grid, 3, 2, 3, 2), 0f);
        assertArrayEquals(new float[] {4, 4, 4, 4}, Resampling.bilinear(new float[] {4}, 1, 1, 2, 2), 0f);
    }

    @Test
    void smallInputsAreEnlargedAsPixelsUnderAnOverlay() {
        Raster two = new Raster(2, 1, new int[] {0xFF000000, 0xFFFFFFFF});
        Raster four = Resampling.nearest(two, 4, 2);
        assertArrayEquals(new int[] {0xFF000000, 0xFF000000, -1, -1, 0xFF000000, 0xFF000000, -1, -1}, four.argb());
        // Overlaid at opacity 0 the input shows through unblurred.
        Raster over = Overlays.overlay(two, new float[] {0, 0}, 2, 1, Colormap.VIRIDIS, ValueRange.of(0, 1), 0, 4, 2);
        assertArrayEquals(four.argb(), over.argb());
    }

    @Test
    void blendMixesEachChannel() {
        Raster black = new Raster(1, 1, new int[] {0xFF000000});
        Raster white = new Raster(1, 1, new int[] {0xFFFFFFFF});
        assertEquals(0xFF808080, Overlays.blend(black, white, 0.5).get(0, 0));
        assertEquals(0xFF000000, Overlays.blend(black, white, 0).get(0, 0));
        Raster over = Overlays.overlay(new Raster(2, 2, new int[] {-1, -1, -1, -1}), new float[] {0, 1, 2, 3}, 2, 2,
                Colormap.MAGMA, ValueRange.of(0, 3), 1, 8, 8);
        assertEquals(8, over.width());
        assertEquals(Colormap.MAGMA.argb(0), over.get(0, 0));
        assertEquals(Colormap.MAGMA.argb(1), over.get(7, 7));
    }

    @Test
    void colorBarRunsFromLowAtTheBottomToHighAtTheTop() {
        Raster bar = ColorBars.raster(Colormap.VIRIDIS, ValueRange.of(0, 1), 256, 3, true);
        assertEquals(3, bar.width());
        assertEquals(Colormap.VIRIDIS.argb(1), bar.get(1, 0));
        assertEquals(Colormap.VIRIDIS.argb(0), bar.get(1, 255));
        Raster horizontal = ColorBars.raster(Colormap.COOLWARM, ValueRange.of(0, 1).centeredOn(0.25), 101, 2, false);
        assertEquals(Colormap.COOLWARM.argb(0.5), horizontal.get(25, 1), "the centre value gets the neutral colour");
    }

    @Test
    void ticksAreRound() {
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), ColorBars.ticks(0, 1, 4));
        assertEquals(List.of(-2.0, 0.0, 2.0, 4.0, 6.0), ColorBars.ticks(-2.7, 6.3, 5));
        assertEquals("0.25", ColorBars.label(0.25, 0.25));
        assertEquals("200", ColorBars.label(200, 100));
        assertEquals("1.5", ColorBars.label(1.5, 0.5));
        assertEquals("0.1235", ColorBars.exact(0.123456));
    }

    @Test
    void inputImageUndoesTheNormalisation() {
        Preprocessing grey = new Preprocessing(2, 1, Preprocessing.Interpolation.BILINEAR,
                new float[] {0.5f}, new float[] {0.5f}, 1);
        Raster r = InputImages.fromTensor(new float[] {-1, 1, 0, 5}, 2, 2, grey);
        assertEquals(0xFF000000, r.get(0, 0));
        assertEquals(0xFFFFFFFF, r.get(1, 0));
        assertEquals(0xFF808080, r.get(0, 1));
        assertEquals(0xFFFFFFFF, r.get(1, 1), "clamped");
        Raster rgb = InputImages.fromTensor(new float[] {1, 0, 0}, 1, 1,
                new Preprocessing(1, 1, Preprocessing.Interpolation.BILINEAR, new float[] {0, 0, 0},
                        new float[] {1, 1, 1}, 3));
        assertEquals(0xFFFF0000, rgb.get(0, 0));
        assertTrue(r.toBufferedImage().getWidth() == 2);
    }
}
