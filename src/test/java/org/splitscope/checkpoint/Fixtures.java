package org.splitscope.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fixtures written by src/test/python/make_checkpoint_fixtures.py and what they hold. The
 * "tiny" state dict: the j-th float tensor has value(j, i) = j + ((i % 13) - 6) / 4 at flat index i.
 */
final class Fixtures {
    private Fixtures() {}

    /** Keys and shapes of the tiny state dict, in file order; null marks num_batches_tracked. */
    static final List<Map.Entry<String, long[]>> TINY = List.of(
            Map.entry("conv1.weight", new long[] {4, 3, 3, 3}),
            Map.entry("bn1.weight", new long[] {4}),
            Map.entry("bn1.bias", new long[] {4}),
            Map.entry("bn1.running_mean", new long[] {4}),
            Map.entry("bn1.running_var", new long[] {4}),
            Map.entry("bn1.num_batches_tracked", new long[] {}),
            Map.entry("fc.weight", new long[] {2, 4}),
            Map.entry("fc.bias", new long[] {2}));

    /** Every fixture that must load; the truncation and mutation tests run over these. */
    static final List<String> VALID = List.of(
            "tiny_zip.pth", "tiny_legacy.pth", "tiny_nested.pth", "tiny_f16.pth", "tiny_dataparallel.pth",
            "tiny_protocol4.pth", "tiny_parameters.pth",
            "tiny.safetensors", "mixed_dtypes.safetensors", "mixed_dtypes_zip.pth", "views_zip.pth",
            "views_legacy.pth");

    static Path path(String name) {
        try {
            Path path = Path.of(Fixtures.class.getResource("/checkpoint/" + name).toURI());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return path;
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name + "; run make_checkpoint_fixtures.py", e);
        }
    }

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }

    static float[] values(int j, long count) {
        float[] out = new float[(int) count];
        for (int i = 0; i < out.length; i++) {
            out[i] = j + ((i % 13) - 6) / 4f;
        }
        return out;
    }

    /** Checks keys, order, shapes, types and every value of the tiny state dict. */
    static void assertTiny(StateDict dict) {
        assertEquals(TINY.stream().map(Map.Entry::getKey).toList(), List.copyOf(dict.tensors().keySet()));
        int j = 0;
        for (Map.Entry<String, long[]> expected : TINY) {
            NDArray array = dict.tensors().get(expected.getKey());
            assertEquals(new Shape(expected.getValue()), array.getShape(), expected.getKey());
            if (expected.getKey().endsWith("num_batches_tracked")) {
                assertEquals(DataType.INT64, array.getDataType());
                assertArrayEquals(new long[] {42}, array.toLongArray());
            } else {
                assertEquals(DataType.FLOAT32, array.getDataType(), expected.getKey());
                assertArrayEquals(values(j++, array.size()), array.toFloatArray(), expected.getKey());
            }
        }
    }

    /** Asserts the read fails with a CheckpointException naming the file and containing {@code part}. */
    static CheckpointException assertRefused(Path file, String part, NDManager manager) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(file, manager));
        String message = e.getMessage();
        assertTrue(
                message.startsWith(file.getFileName() + ": ") && message.contains(part),
                () -> "message '" + message + "' should contain '" + part + "'");
        assertFalse(message.contains("\n"), "one-line message: " + message);
        return e;
    }
}
