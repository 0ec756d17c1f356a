package org.splitscope.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeatmapViewTest {

    @Test
    void channelTicksAreWholeRoundSteps() {
        assertEquals(1, HeatmapView.channelStep(8, 10));
        assertEquals(5, HeatmapView.channelStep(32, 8));
        assertEquals(50, HeatmapView.channelStep(256, 6));
        assertEquals(100, HeatmapView.channelStep(512, 6));
    }
}
