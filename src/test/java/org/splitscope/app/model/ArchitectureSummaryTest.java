package org.splitscope.app.model;

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
            assertEquals("28×28 grey, 10 classes", s.value("Input"));
            assertEquals("deep, stride 1; avd", s.value("Stem"));
        }
    }
}
