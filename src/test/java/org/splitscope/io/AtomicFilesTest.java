package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void aPairIsReplacedWholeOrNotAtAll(@TempDir Path dir) throws Exception {
        Path npz = Files.writeString(dir.resolve("capture.npz"), "old arrays");
        Path json = Files.writeString(dir.resolve("capture.json"), "old report");
        // the second file fails half-way, as on a full disk
        IOException full = assertThrows(IOException.class, () -> AtomicFiles.writeAll(List.of(
                Map.entry(npz, out -> out.write("new arrays".getBytes(StandardCharsets.UTF_8))),
                Map.entry(json, out -> {
                    out.write("new rep".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("No space left on device");
                }))));
        assertEquals("No space left on device", full.getMessage());
        assertEquals("old arrays", Files.readString(npz), "no new npz beside the old json");
        assertEquals("old report", Files.readString(json));
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary files left behind");
        }
        AtomicFiles.writeAll(List.of(
                Map.entry(npz, out -> out.write("new arrays".getBytes(StandardCharsets.UTF_8))),
                Map.entry(json, out -> out.write("new report".getBytes(StandardCharsets.UTF_8)))));
        assertEquals("new arrays", Files.readString(npz));
        assertEquals("new report", Files.readString(json));
    }
}
