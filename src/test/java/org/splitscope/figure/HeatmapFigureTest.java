package org.splitscope.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeatmapFigureTest {

    @Test
    void channelTicksAreWholeRoundSteps() {
        assertEquals(1, HeatmapFigure.channelStep(8, 10));
        assertEquals(5, HeatmapFigure.channelStep(32, 8));
        assertEquals(50, HeatmapFigure.channelStep(256, 6));
        assertEquals(100, HeatmapFigure.channelStep(512, 6));
    }
}
