package org.splitscope.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing, empty, random, truncated and bit-flipped files: only ever a CheckpointException. */
class DamagedFileTest extends WithManager {
    @TempDir Path dir;

    @Test
    void missingEmptyAndFolder() throws IOException {
        Fixtures.assertRefused(dir.resolve("nothing.pth"), "file not found", manager);
        Fixtures.assertRefused(Files.write(dir.resolve("empty.pth"), new byte[0]), "empty file", manager);
        Fixtures.assertRefused(Files.createDirectory(dir.resolve("folder.pth")), "is a folder", manager);
    }

    @Test
    void unknownFormatsNameTheSupportedOnes() throws IOException {
        Fixtures.assertRefused(Files.writeString(dir.resolve("model.json"), "{\"weight_map\": {}}"),
                "unrecognised checkpoint format; supported: safetensors, PyTorch .pth/.bin (zip or legacy format), DJL .params", manager);
        Fixtures.assertRefused(Files.write(dir.resolve("model.params"), "DJL@\0\0\0\4".getBytes()),
                "DJL model format version 4 is not supported", manager);
    }

    @Test
    void randomBytesInEveryFormatsClothes() throws IOException {
        // Random content behind each format's first bytes, so every reader sees garbage.
        Random random = new Random(1);
        byte[][] heads = {{}, {(byte) 0x80, 2}, {'P', 'K', 3, 4}, {16, 0, 0, 0, 0, 0, 0, 0, '{'}, {'D', 'J', 'L', '@'}};
        for (int i = 0; i < 500; i++) {
            byte[] head = heads[i % heads.length];
            byte[] bytes = new byte[head.length + random.nextInt(2000)];
            random.nextBytes(bytes);
            System.arraycopy(head, 0, bytes, 0, head.length);
            Path file = Files.write(dir.resolve("random" + i + ".bin"), bytes);
            assertOnlyCheckpointException(file, false);
        }
    }

    @Test
    void everyTruncationOfEveryFixtureIsReported() throws IOException {
        for (String fixture : Fixtures.VALID) {
            byte[] bytes = Fixtures.bytes(fixture);
            int step = Math.max(1, bytes.length / 200);
            for (int cut = 0; cut < bytes.length; cut += (cut < 64 || cut > bytes.length - 64) ? 1 : step) {
                Path file = Files.write(dir.resolve("cut-" + fixture), java.util.Arrays.copyOf(bytes, cut));
                assertOnlyCheckpointException(file, false);
            }
        }
    }

    @Test
    void mutatedFixturesLoadOrFailCleanly() throws IOException {
        // Bit flips in the pickles, headers and data of every fixture. Zip fixtures are rebuilt
        // around a mutated data.pkl, since flips in a zip mostly just break its checksums.
        Random random = new Random(2);
        int loaded = 0;
        for (String fixture : Fixtures.VALID) {
            byte[] original = Fixtures.bytes(fixture);
            boolean zip = original[0] == 'P';
            Map<String, byte[]> entries = zip ? Archives.entries(Fixtures.path(fixture)) : null;
            for (int i = 0; i < 300; i++) {
                byte[] target = zip ? entries.get("data.pkl").clone() : original.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    // Mostly the first 1 KB: the pickles and headers, where the parsing happens.
                    int at = random.nextInt(random.nextBoolean() ? Math.min(target.length, 1024) : target.length);
                    target[at] = (byte) random.nextInt(256);
                }
                byte[] file = target;
                if (zip) {
                    Map<String, byte[]> mutated = new java.util.LinkedHashMap<>(entries);
                    mutated.put("data.pkl", target);
                    file = Archives.zip(mutated);
                }
                loaded += assertOnlyCheckpointException(Files.write(dir.resolve("mutated-" + fixture), file), true) ? 1 : 0;
            }
        }
        assertTrue(loaded > 0, "some harmless mutations (in tensor data) load");
    }

    /** @return true if the file loaded (allowed only when {@code mayLoad}) */
    private static boolean assertOnlyCheckpointException(Path file, boolean mayLoad) {
        try {
            StateDict dict = Checkpoints.read(file, manager);
            dict.tensors().values().forEach(NDArray::close);
            if (!mayLoad) {
                fail(file.getFileName() + " should not load");
            }
            return true;
        } catch (CheckpointException e) {
            assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
            // The safety net in Checkpoints.read must not be what caught it: that would be a bug.
            assertFalse(e.getMessage().contains(Checkpoints.UNEXPECTED), e.getMessage());
            return false;
        } catch (Throwable t) {
            throw new AssertionError(file.getFileName() + ": " + t, t);
        }
    }
}
