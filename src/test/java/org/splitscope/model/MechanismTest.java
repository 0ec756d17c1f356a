package org.splitscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keys files name a mechanism by (capture.json, knockout.json, stats.json, scales.json, ablation.json). */
class MechanismTest {
    @Test
    void everyKeyReadsBackAndNothingElseDoes() {
        for (Mechanism m : Mechanism.values()) {
            assertEquals(Optional.of(m), Mechanism.ofKey(m.key()));
        }
        assertEquals("se", Mechanism.SE.key());
        assertTrue(Mechanism.ofKey("SE").isEmpty(), "keys are lower case, as written");
        assertTrue(Mechanism.ofKey("cbam").isEmpty());
        assertTrue(Mechanism.ofKey("").isEmpty());
    }
}
