package org.splitscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitscope.SplitScopeException;

/** BLOCK=MODE as written on the command line: what it reads, and one clear line for what it refuses. */
class InterventionTest {
    @Test
    void readsEveryModeAndWritesItBackAsGiven() throws Exception {
        Intervention u = Intervention.parse("layer2.0=uniform");
        assertEquals("layer2.0", u.block());
        assertEquals(new Intervention.Uniform(), u.mode());
        assertEquals(new Intervention.OneHot(1), Intervention.parse("layer3.1=onehot:1").mode());
        Intervention s = Intervention.parse("ALL=scale:0:0.5");
        assertTrue(s.isAll());
        assertEquals(new Intervention.Scale(0, 0.5), s.mode());
        assertEquals("all=scale:0:0.5", s.text());
        assertEquals("scale:1:2", Intervention.parseMode("scale:1:2").text());
        assertEquals(new Intervention.Scale(0, 0), Intervention.parseMode(" scale:0:0 "));
        assertFalse(Intervention.parse("layer1.0=onehot:0").isAll());
    }

    @Test
    void refusesWhatIsNotAnInterventionInOneLine() {
        for (String bad : new String[] {"layer2.0", "=uniform", "layer2.0=", "layer2.0=zero", "layer2.0=uniform:1",
                "layer2.0=onehot", "layer2.0=onehot:-1", "layer2.0=onehot:x", "layer2.0=scale:0",
                "layer2.0=scale:0:-1", "layer2.0=scale:0:NaN", "layer2.0=scale:0:Infinity", "layer2.0=scale:a:1"}) {
            SplitScopeException e = assertThrows(SplitScopeException.class, () -> Intervention.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("intervention '" + bad + "': "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
