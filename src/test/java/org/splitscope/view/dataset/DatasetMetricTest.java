package org.splitscope.view.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One meaning per word: the Dataset view's mean largest split weight is "dominance", not "saturation". */
class DatasetMetricTest {
    @Test
    void dominanceIsTheLargestSplitWeightAndSaturationPointsToIt() {
        assertEquals(DatasetFigure.Metric.DOMINANCE, DatasetFigure.Metric.parse("dominance"));
        assertEquals(0.8, DatasetFigure.Metric.DOMINANCE.of(new double[] {0.5, 0.8, 1, 0.7}));
        var e = assertThrows(IllegalArgumentException.class, () -> DatasetFigure.Metric.parse("saturation"));
        assertTrue(e.getMessage().contains("dominance") && e.getMessage().contains("0.9"), e.getMessage());
    }
}
