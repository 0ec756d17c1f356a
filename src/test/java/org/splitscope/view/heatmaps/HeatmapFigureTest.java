package org.splitscope.view.heatmaps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeatmapFigureTest {

    @Test
    void channelTicksAreWholeRoundSteps() {
        assertEquals(1, HeatmapFigure.channelStep(8, 10));
        assertEquals(5, HeatmapFigure.channelStep(32, 8));
        assertEquals(50, HeatmapFigure.channelStep(256, 6));
        assertEquals(100, HeatmapFigure.channelStep(512, 6));
        assertEquals(2, HeatmapFigure.channelStep(8, 2), "three labelled channels (0, 2, 4, 6), not 0 and 5");
        assertEquals(1, HeatmapFigure.channelStep(3, 1));
    }
}
