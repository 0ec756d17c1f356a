package org.splitscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.splitscope.app.Explorers;

class ArchitectureSummaryTest {

    @Test
    void summarisesTheNetworkInThePapersTerms() throws Exception {
        assertEquals("27.5 M", ArchitectureSummary.parameters(27_483_240));
        assertEquals("17.8 k", ArchitectureSummary.parameters(17_800));
        try (var e = Explorers.started()) {
            ArchitectureSummary s = e.vm().model().summaryProperty().get();
            assertEquals("3 (1 · 1 · 1 blocks)", s.value("Stages"));
            assertEquals("2", s.value("Radix R"));
            assertEquals("2", s.value("Cardinality K"));
            assertEquals("8 · 16 · 32", s.value("Widths C"));
            assertEquals("28×28 grey, bilinear (file)", s.value("Input"));
            assertEquals("10 (labels: file)", s.value("Classes"));
            assertEquals("deep, stride 1", s.value("Stem"));
            assertEquals("last (file)", s.value("avd pool"), "the placement in full, and where it came from");
            assertEquals("file metadata", s.value("Architecture"));
        }
    }
}
