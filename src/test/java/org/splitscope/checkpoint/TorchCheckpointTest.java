package org.splitscope.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PyTorch checkpoints written by torch 1.13 (see make_checkpoint_fixtures.py), read back exactly. */
class TorchCheckpointTest extends WithManager {

    private static StateDict read(String fixture) throws CheckpointException {
        return Checkpoints.read(Fixtures.path(fixture), manager);
    }

    @Test
    void zipFormatStateDict() throws Exception {
        StateDict dict = read("tiny_zip.pth");
        Fixtures.assertTiny(dict);
        assertEquals(Fixtures.path("tiny_zip.pth"), dict.source());
        assertTrue(dict.metadata().isEmpty());
        assertEquals("fc.bias", dict.tensors().get("fc.bias").getName());
    }

    @Test
    void aZipCheckpointWhoseNameIsNotValidTextStillOpens(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // a Latin-1 "model\xff.pth" on a UTF-8 system: only the raw bytes name the file
        Process cp = new ProcessBuilder("sh", "-c", "cp \"$0\" \"$1/$(printf 'model\\377.pth')\"",
                Fixtures.path("tiny_zip.pth").toString(), dir.toString()).inheritIO().start();
        assertEquals(0, cp.waitFor());
        java.nio.file.Path file;
        try (var listed = java.nio.file.Files.list(dir)) {
            file = listed.findFirst().orElseThrow();
        }
        Fixtures.assertTiny(Checkpoints.read(file, manager));
        try (var left = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("splitscope-checkpoint")),
                    "the link is gone");
        }
    }

    @Test
    void legacyFormatStateDict() throws Exception {
        Fixtures.assertTiny(read("tiny_legacy.pth"));
    }

    @Test
    void stateDictNestedInATrainingCheckpoint() throws Exception {
        // {"epoch", "arch", "best_acc1", "state_dict", "optimizer"}: the other values are ignored.
        Fixtures.assertTiny(read("tiny_nested.pth"));
    }

    @Test
    void halfPrecisionBecomesFloat32() throws Exception {
        Fixtures.assertTiny(read("tiny_f16.pth"));
    }

    @Test
    void dataParallelPrefixIsStripped() throws Exception {
        Fixtures.assertTiny(read("tiny_dataparallel.pth"));
    }

    @Test
    void pickleProtocol4() throws Exception {
        // FRAME, MEMOIZE and STACK_GLOBAL, as torch.save(..., pickle_protocol=4) writes them.
        Fixtures.assertTiny(read("tiny_protocol4.pth"));
    }

    @Test
    void parametersAreTheirTensors() throws Exception {
        Fixtures.assertTiny(read("tiny_parameters.pth"));
    }

    @Test
    void everyElementTypeInAZipCheckpoint() throws Exception {
        assertMixedDtypes(read("mixed_dtypes_zip.pth"));
    }

    @Test
    void viewsSharingOneStorage() throws Exception {
        for (String fixture : List.of("views_zip.pth", "views_legacy.pth")) {
            Map<String, NDArray> t = read(fixture).tensors();
            assertEquals(List.of("base", "transposed", "row1", "col2"), List.copyOf(t.keySet()), fixture);
            float[] base = new float[12];
            for (int i = 0; i < 12; i++) {
                base[i] = i;
            }
            assertArrayEquals(base, t.get("base").toFloatArray(), fixture);
            assertEquals(new Shape(4, 3), t.get("transposed").getShape());
            assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, t.get("transposed").toFloatArray(), fixture);
            assertArrayEquals(new float[] {4, 5, 6, 7}, t.get("row1").toFloatArray(), fixture);
            assertArrayEquals(new float[] {2, 6, 10}, t.get("col2").toFloatArray(), fixture);
            // Each array has its own memory: changing one leaves the others alone.
            t.get("base").muli(0);
            assertArrayEquals(new float[] {4, 5, 6, 7}, t.get("row1").toFloatArray(), fixture);
        }
    }

    /** mixed_dtypes.* in both formats: value(j, i) cast to each float type, aranges for integers. */
    static void assertMixedDtypes(StateDict dict) {
        Map<String, NDArray> t = dict.tensors();
        assertEquals(List.of("f16", "bf16", "f64", "i64", "i32", "i16", "i8", "u8", "bool", "scalar", "empty"),
                List.copyOf(t.keySet()));
        assertFloats(t.get("f16"), new Shape(2, 3), Fixtures.values(0, 6));
        assertFloats(t.get("bf16"), new Shape(5), Fixtures.values(1, 5));
        assertFloats(t.get("f64"), new Shape(2, 2), Fixtures.values(2, 4));
        assertEquals(DataType.INT64, t.get("i64").getDataType());
        assertArrayEquals(new long[] {-3, -2, -1, 0, 1, 2}, t.get("i64").toLongArray());
        assertEquals(DataType.INT32, t.get("i32").getDataType());
        assertArrayEquals(new int[] {-3, -2, -1, 0, 1, 2}, t.get("i32").toIntArray());
        assertEquals(DataType.INT32, t.get("i16").getDataType(), "INT16 is widened: DJL aborts on it");
        assertArrayEquals(new int[] {-3, -2, -1, 0, 1, 2}, t.get("i16").toIntArray());
        assertEquals(DataType.INT8, t.get("i8").getDataType());
        assertArrayEquals(new byte[] {-3, -2, -1, 0, 1, 2}, t.get("i8").toByteArray());
        assertEquals(DataType.UINT8, t.get("u8").getDataType());
        assertArrayEquals(new int[] {250, 251, 252, 253, 254, 255}, t.get("u8").toType(DataType.INT32, false).toIntArray());
        assertEquals(DataType.BOOLEAN, t.get("bool").getDataType());
        assertArrayEquals(new boolean[] {true, false, true}, t.get("bool").toBooleanArray());
        assertFloats(t.get("scalar"), new Shape(), new float[] {2.5f});
        assertFloats(t.get("empty"), new Shape(0, 3), new float[0]);
    }

    private static void assertFloats(NDArray array, Shape shape, float[] values) {
        assertEquals(shape, array.getShape(), array.getName());
        assertEquals(DataType.FLOAT32, array.getDataType(), array.getName());
        assertArrayEquals(values, array.toFloatArray(), array.getName());
    }
}
