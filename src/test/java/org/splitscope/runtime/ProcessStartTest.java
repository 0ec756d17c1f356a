package org.splitscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessStartTest {
    /** A real line's shape (proc(5)): starttime, field 22, is 2875046 here. */
    private static final String REST = " S 1 4242 4242 0 -1 4194560 1234 0 0 0 56 7 0 0 20 0 21 0 2875046"
            + " 5712297984 52086 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 17 1 0 0 0 0 0\n";

    @Test
    void startTimeIsField22AfterThePlainCommandName() {
        assertEquals(2875046, ProcessStart.startTicks("4242 (java)" + REST));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        // a thread or program may call itself anything (up to 15 bytes): "a) b (c" puts a ')' and
        // spaces inside the parentheses; only the last ')' ends the name
        assertEquals(2875046, ProcessStart.startTicks("4242 (a) 1 2 (c)" + REST));
        assertEquals(2875046, ProcessStart.startTicks("4242 ())" + REST));
    }

    @Test
    void aTruncatedLineIsAnErrorNotAWrongField() {
        assertThrows(IllegalArgumentException.class, () -> ProcessStart.startTicks("4242 (java) S 1 4242"));
        assertThrows(IllegalArgumentException.class, () -> ProcessStart.startTicks("4242 java S 1"));
    }

    @Test
    void uptimeIsReadToTheHundredthWithoutRounding() {
        assertEquals(30_311_070, ProcessStart.uptimeMillis("30311.07 59321.84\n"));
        assertEquals(5_000, ProcessStart.uptimeMillis("5 9"));
        assertEquals(12_300, ProcessStart.uptimeMillis("12.3 1.0"));
    }

    @Test
    void thisProcessStartedAMomentAgoNotInTheFuture() {
        long ms = ProcessStart.elapsedMillis();
        // the JVM running this test has been up for some time; the exact amount is not asserted
        assertTrue(ms >= 0, "elapsed " + ms);
        assertTrue(ms < 24L * 3600 * 1000, "elapsed " + ms);
    }
}
