package org.splitscope.figure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import org.junit.jupiter.api.Test;

/** The paper's symbols in any figure text are set with sub- and superscripts; file names are left alone. */
class MathTextTest {
    @Test
    void symbolsInTitlesAreScriptedAndNamesAreNot() {
        for (String s : new String[] {"Attention a_r(c) of layer2.0", "Split contributions Σ_c a_r(c)·U_r(c,h,w)",
            "histogram of s^1 over its 64 channels", "s^k = GAP(Σ_r U_r)", "mean a_0"}) {
            assertTrue(MathText.hasSymbols(s), s);
        }
        for (String s : new String[] {"coat_0006.png", "a_1.png", "my_a_r.png", "layer2.0", "fmnist-2s1x64d",
            "x_r(c)", "snake_case"}) {
            assertFalse(MathText.hasSymbols(s), s);
        }
        Font font = Fonts.regular(10);
        assertTrue(MathText.textWidth(font, "a_r(c)") < Fonts.width(font, "a_r(c)"), "the index is small, no '_'");
    }
}
