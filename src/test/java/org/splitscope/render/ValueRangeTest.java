package org.splitscope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ValueRangeTest {

    @Test
    void linearRangeNormalisesAndClamps() {
        ValueRange r = ValueRange.of(new float[] {2, -1, Float.NaN, 3});
        assertEquals(-1, r.min());
        assertEquals(3, r.max());
        assertEquals(0.25, r.normalize(0), 1e-12);
        assertEquals(0, r.normalize(-9));
        assertEquals(1, r.normalize(9));
        assertEquals(0.5, ValueRange.of(4, 4).normalize(4));
        assertEquals(ValueRange.of(0, 1), ValueRange.of(new float[] {Float.NaN}));
    }

    @Test
    void centredRangePutsTheCentreInTheMiddle() {
        ValueRange r = ValueRange.of(0, 1).centeredOn(0.25); // radix 4: uniform attention 1/4
        assertEquals(0.5, r.normalize(0.25), 1e-12);
        assertEquals(0.25, r.normalize(0.125), 1e-12);
        assertEquals(0.75, r.normalize(0.625), 1e-12);
        for (double t = 0; t <= 1; t += 0.125) {
            assertEquals(t, r.normalize(r.valueAt(t)), 1e-12);
        }
    }

    @Test
    void symmetricRangeIsCentredOnZero() {
        ValueRange r = ValueRange.of(-0.5, 2).symmetric();
        assertEquals(-2, r.min());
        assertEquals(2, r.max());
        assertEquals(0.5, r.normalize(0));
        assertThrows(IllegalArgumentException.class, () -> ValueRange.of(1, 0));
    }
}
