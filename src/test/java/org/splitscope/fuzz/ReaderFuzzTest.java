package org.splitscope.fuzz;

import ai.djl.ndarray.NDManager;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.splitscope.checkpoint.CheckpointException;
import org.splitscope.checkpoint.Checkpoints;
import org.splitscope.checkpoint.StateDict;
import org.splitscope.runtime.Engines;
import org.splitscope.input.ImageInputException;
import org.splitscope.input.ImageLoader;
import org.splitscope.input.NpyReader;

/**
 * Fuzz targets for every reader of untrusted files: checkpoints (safetensors header and metadata,
 * PyTorch zip and legacy pickles, DJL .params), .npy headers and images. A reader may refuse an input
 * only with its own one-line exception; anything else (a RuntimeException, an OutOfMemoryError, a
 * hang) is a finding. The normal test run replays the seeds in {@code ReaderFuzzTestInputs/<target>/}
 * (and every crash found so far, kept there); {@code mvn test -Pfuzz -Dtest='ReaderFuzzTest#npy'}
 * fuzzes one target for its time budget (see the README).
 */
class ReaderFuzzTest {
    private static NDManager manager;
    private static Path dir;

    @BeforeAll
    static void start() throws IOException {
        Engines.configure(0);
        manager = NDManager.newBaseManager();
        dir = Files.createTempDirectory("splitscope-fuzz");
    }

    @AfterAll
    static void stop() throws IOException {
        manager.close();
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxDuration = "2m")
    void checkpoint(byte[] data) throws IOException {
        Path file = Files.write(dir.resolve("model.bin"), data);
        try (NDManager one = manager.newSubManager()) {
            StateDict dict = Checkpoints.read(file, one);
            dict.tensors().values().forEach(t -> t.getShape());
        } catch (CheckpointException expected) {
            requireOneLine(expected.getMessage());
        }
    }

    @FuzzTest(maxDuration = "2m")
    void npy(byte[] data) throws IOException {
        Path file = Files.write(dir.resolve("input.npy"), data);
        try {
            NpyReader.read(file);
        } catch (ImageInputException expected) {
            requireOneLine(expected.getMessage());
        }
    }

    @FuzzTest(maxDuration = "2m")
    void image(byte[] data) throws IOException {
        Path file = Files.write(dir.resolve("image.img"), data);
        try {
            ImageLoader.load(file);
        } catch (ImageInputException expected) {
            requireOneLine(expected.getMessage());
        }
    }

    /** What the user reads: one line, no raw control characters. */
    private static void requireOneLine(String message) {
        if (message == null || message.isBlank() || message.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalStateException("error message not one clean line: " + message);
        }
    }
}
