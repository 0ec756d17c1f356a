package org.splitscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColormapTest {

    @Test
    void tablesAreMatplotlibs() {
        // End points and middle of matplotlib's tables (_cm_listed.py / coolwarm, RdBu).
        assertEquals(0xFF440154, Colormap.VIRIDIS.argb(0));
        assertEquals(0xFFFDE725, Colormap.VIRIDIS.argb(1));
        assertEquals(0xFF000004, Colormap.MAGMA.argb(0));
        assertEquals(0xFFFCFDBF, Colormap.MAGMA.argb(1));
        assertEquals(0xFF3B4CC0, Colormap.COOLWARM.argb(0));
        assertEquals(0xFFB40426, Colormap.COOLWARM.argb(1));
        assertEquals(0xFF053061, Colormap.RDBU.argb(0), "RdBu reversed: blue is low");
        assertEquals(0xFF67001F, Colormap.RDBU.argb(1));
        for (Colormap map : Colormap.values()) {
            assertEquals(256, map.table().length);
        }
    }

    @Test
    void clampsAndMarksMissingValues() {
        assertEquals(Colormap.VIRIDIS.argb(0), Colormap.VIRIDIS.argb(-3));
        assertEquals(Colormap.VIRIDIS.argb(1), Colormap.VIRIDIS.argb(7));
        assertEquals(0xFF808080, Colormap.MAGMA.argb(Double.NaN));
    }

    @Test
    void sequentialMapsGetBrighterDivergingMapsAreLightInTheMiddle() {
        assertTrue(luminance(Colormap.VIRIDIS.argb(0.9)) > luminance(Colormap.VIRIDIS.argb(0.1)));
        assertTrue(luminance(Colormap.MAGMA.argb(0.9)) > luminance(Colormap.MAGMA.argb(0.1)));
        for (Colormap map : new Colormap[] {Colormap.COOLWARM, Colormap.RDBU}) {
            assertTrue(map.diverging());
            assertTrue(luminance(map.argb(0.5)) > luminance(map.argb(0)));
            assertTrue(luminance(map.argb(0.5)) > luminance(map.argb(1)));
        }
        assertFalse(Colormap.VIRIDIS.diverging());
    }

    private static double luminance(int argb) {
        return 0.2126 * ((argb >> 16) & 0xFF) + 0.7152 * ((argb >> 8) & 0xFF) + 0.0722 * (argb & 0xFF);
    }
}
