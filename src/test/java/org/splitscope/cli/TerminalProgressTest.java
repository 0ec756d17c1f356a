package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    @Test
    void aDumbTerminalOrAPipeGetsNoProgress() {
        assertFalse(TerminalProgress.stderrIsTerminal(Map.of("TERM", "dumb")));
        // surefire's stderr is a pipe to the build, not a terminal
        assertFalse(TerminalProgress.stderrIsTerminal(Map.of("TERM", "xterm-256color")));
        assertEquals(Boolean.FALSE, TerminalProgress.Tty.check(2));
        // on a real terminal: shown unless TERM says it cannot move the cursor
        assertTrue(TerminalProgress.shown(Map.of("TERM", "xterm-256color"), true));
        assertTrue(TerminalProgress.shown(Map.of(), true));
        assertFalse(TerminalProgress.shown(Map.of("TERM", "dumb"), true));
        assertFalse(TerminalProgress.shown(Map.of("TERM", "xterm"), false));
    }

    @Test
    void nothingIsWrittenWhenNotShown() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress("x", new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.update(5, 10);
        p.images().update(10, 10, 2.0);
        p.done();
        assertEquals(0, bytes.size());
    }

    @Test
    void oneLineRewrittenInPlaceAndEndedOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress("model.safetensors", new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        p.update(0, 2_000_000);
        p.update(2_000_000, 2_000_000); // the last update is always shown
        p.done();
        p.done();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rmodel.safetensors  0.0 MB / 2.0 MB"), out);
        assertTrue(out.contains("\rmodel.safetensors  2.0 MB / 2.0 MB"), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count());
        assertFalse(out.contains("\n\r"));
    }

    @Test
    void analyzeImagesShareTheHelperAndAShorterLineBlanksTheRest() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress("", new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        p.images().update(1, 1000, 12345.6);
        p.images().update(1000, 1000, 1.0);
        p.done();
        String[] shown = bytes.toString(StandardCharsets.UTF_8).split("\r");
        assertEquals("1 / 1000 images, 12345.6 images/s, 0 s left", shown[1]);
        assertEquals("1000 / 1000 images, 1.0 images/s, 0 s left \n", shown[2]); // one space over the longer line
    }

    /** capture and cam print result lines on stdout between updates: the line is erased first, then redrawn. */
    @Test
    void aBatchCommandsLineMakesRoomForStdoutAndComesBack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress("", new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        p.counted("inputs").update(4, 30, 20.0);
        p.clear();
        p.clear(); // nothing shown: nothing to erase
        p.counted("inputs").update(8, 30, 20.0); // drawn at once after a clear, however soon
        p.done();
        String line = "4 / 30 inputs, 20.0 inputs/s, 1 s left";
        assertEquals("\r" + line + "\r" + " ".repeat(line.length()) + "\r"
                + "\r8 / 30 inputs, 20.0 inputs/s, 1 s left\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
