package org.splitscope.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogsTest {
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private String logged(Runnable what) {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            what.run();
        } finally {
            System.setErr(originalErr);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void quietAgain() {
        Logs.toStderr(false);
    }

    @Test
    void quietByDefaultWarningsOnlyOnStderrAsOneCleanLine() {
        String out = logged(() -> {
            Logs.toStderr(false);
            var log = LoggerFactory.getLogger("ai.djl.pytorch.engine.PtEngine");
            log.info("Number of inter-op threads is 2");
            log.debug("Loading native library");
            log.warn("odd file name \u001b[31mred");
            log.warn("with a cause", new IllegalStateException("why"));
        });
        assertEquals("warning: odd file name \\x1B[31mred [PtEngine]" + System.lineSeparator()
                + "warning: with a cause [PtEngine] (IllegalStateException: why)" + System.lineSeparator(), out);
    }

    @Test
    void debugShowsEverythingWithTraces() {
        String out = logged(() -> {
            Logs.toStderr(true);
            var log = LoggerFactory.getLogger("org.apache.pdfbox.pdmodel.font.FileSystemFontProvider");
            log.debug("font cache");
            log.warn("broken", new IllegalStateException("why"));
        });
        assertTrue(out.startsWith("debug: font cache [FileSystemFontProvider]"), out);
        assertTrue(out.contains("java.lang.IllegalStateException: why"), out);
        assertTrue(out.contains("\tat org.splitscope.logs.LogsTest"), out);
    }

    @Test
    void javaUtilLoggingAndCommonsLoggingArriveToo() {
        String out = logged(() -> {
            Logs.toStderr(false);
            java.util.logging.Logger.getLogger("javafx").warning("Unsupported JavaFX configuration");
            java.util.logging.Logger.getLogger("javafx").fine("not shown");
            org.apache.commons.logging.LogFactory.getLog("org.apache.fontbox.ttf.TTFParser").warn("bad glyph");
        });
        assertEquals("warning: Unsupported JavaFX configuration [javafx]" + System.lineSeparator()
                + "warning: bad glyph [TTFParser]" + System.lineSeparator(), out);
    }

    @Test
    void theWindowLogsToAPrivateFileNotTheTerminal() throws Exception {
        Path folder = dir.resolve("state").resolve("splitscope");
        String out = logged(() -> {
            Path file = Logs.toFile(false, folder);
            assertEquals(folder.resolve(Logs.FILE_NAME), file);
            LoggerFactory.getLogger("javafx").warn("from the window");
            LoggerFactory.getLogger("javafx").info("quiet");
        });
        assertEquals("", out);
        String text = Files.readString(folder.resolve(Logs.FILE_NAME));
        assertTrue(text.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\S+ warning: from the window \\[javafx\\]\\R"), text);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void aStateFolderThatCannotBeMadeFallsBackToStderr() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        String out = logged(() -> {
            assertEquals(null, Logs.toFile(false, blocker.resolve("splitscope")));
            LoggerFactory.getLogger("x").warn("still seen");
        });
        assertTrue(out.contains("warning: no log file at"), out);
        assertTrue(out.contains("warning: still seen [x]"), out);
        assertFalse(out.contains("Exception"), out);
    }
}
