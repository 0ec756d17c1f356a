package org.splitscope.view.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.SplitScopeException;

/** Class choices from the command line, and the map normalisation shown over the input. */
class ClassChoiceTest {
    private static final List<String> LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Ankle boot");

    @Test
    void topIndexOrNameWithoutCaseAndPunctuation() throws Exception {
        assertTrue(ClassChoice.parse("top", LABELS).top());
        assertTrue(ClassChoice.parse("TOP", LABELS).top());
        assertEquals(3, ClassChoice.parse("3", LABELS).index());
        assertEquals(0, ClassChoice.parse("t-shirt top", LABELS).index());
        assertEquals(5, ClassChoice.parse("ANKLE_BOOT", LABELS).index());
        assertEquals(4, ClassChoice.parse("coat", LABELS).resolve(new float[] {9, 0, 0, 0, 0, 0}, 0, 6));
        assertEquals(1, ClassChoice.TOP.resolve(new float[] {1, 5, 1, 1, 7, 7, 1, 1, 1, 1, 1, 1}, 3, 6)); // ties: the first, as numpy
    }

    @Test
    void unknownOutOfRangeAndAmbiguousClassesAreNamed() {
        assertTrue(assertThrows(SplitScopeException.class, () -> ClassChoice.parse("6", LABELS)).getMessage()
                .contains("0 … 5"));
        assertTrue(assertThrows(SplitScopeException.class, () -> ClassChoice.parse("sandal", LABELS)).getMessage()
                .contains("no class 'sandal'"));
        assertTrue(assertThrows(SplitScopeException.class, () -> ClassChoice.parse("coat", List.of("Coat", "coat!")))
                .getMessage().contains("[0, 1]"));
    }

    @Test
    void mapsAreNormalisedThenResizedAsPytorchGradCam() {
        // (m − min) / (max − min + 1e-7): a flat map stays 0
        assertArrayEquals(new float[4], CamMaps.normalize(new float[] {2, 2, 2, 2}));
        float[] up = CamMaps.toInput(new float[] {0, 4, 2, 0}, 2, 2, 4, 4);
        // align_corners=False: output pixel 1 samples 0.25 of the way from source 0 to 1
        assertEquals(0.25f * 1f, up[1], 1e-6);
        assertEquals(1f, up[3], 1e-6);
        assertEquals(0f, up[0], 1e-6);
    }
}
