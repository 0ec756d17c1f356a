package org.splitscope.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyReaderTest {
    @TempDir
    Path tmp;

    /** (np.arange(24, dtype=np.float32).reshape(2, 3, 4) - 5.5) / 3, as in make_input_fixtures.py. */
    private static float[] expectedValues() {
        float[] values = new float[24];
        for (int i = 0; i < 24; i++) {
            values[i] = (i - 5.5f) / 3f;
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"float32_v1.npy", "float32_v2.npy"})
    void readsWhatNumpyWrote(String name) throws Exception {
        NpyTensor t = NpyReader.read(Fixtures.path("npy/" + name));
        assertArrayEquals(new long[] {2, 3, 4}, t.shape());
        assertArrayEquals(expectedValues(), t.data());
    }

    @Test
    void readsAScalar() throws Exception {
        NpyTensor t = NpyReader.read(Fixtures.path("npy/scalar.npy"));
        assertEquals(0, t.shape().length);
        assertArrayEquals(new float[] {2.5f}, t.data());
    }

    @Test
    void refusesFortranOrder() {
        assertTrue(message(Fixtures.path("npy/fortran.npy")).startsWith("fortran.npy: Fortran-order arrays are not supported"));
    }

    @Test
    void refusesOtherDtypes() {
        assertEquals("float64.npy: float64 arrays are not supported; save float32", message(Fixtures.path("npy/float64.npy")));
        assertEquals("int64.npy: int64 arrays are not supported; save float32", message(Fixtures.path("npy/int64.npy")));
        Path bigEndian = write("be.npy", npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", new byte[8]));
        assertTrue(message(bigEndian).contains("big-endian"));
    }

    @Test
    void refusesTruncatedFiles() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.path("npy/float32_v1.npy"));
        assertTrue(message(write("short.npy", Arrays.copyOf(whole, whole.length - 10))).contains("truncated"));
        assertTrue(message(write("header.npy", Arrays.copyOf(whole, 30))).contains("truncated"));
        assertTrue(message(write("magic.npy", Arrays.copyOf(whole, 4))).contains("truncated"));
        assertTrue(message(write("longer.npy", Arrays.copyOf(whole, whole.length + 4))).contains("bytes after the data"));
    }

    @Test
    void refusesHugeShapesBeforeAllocating() {
        // 1.5e9 floats would be 6 GB, more than the test JVM has: only the size check stands between.
        Path huge = write("huge.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1500000000,), }", new byte[16]));
        assertTrue(message(huge).contains("truncated"), message(huge));
        Path absurd = write("absurd.npy",
                npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000, 100000), }", new byte[16]));
        assertTrue(message(absurd).contains("too large"), message(absurd));
        Path overflow = write("overflow.npy",
                npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (9223372036854775807, 4), }", new byte[16]));
        assertTrue(message(overflow).contains("too large"), message(overflow));
    }

    @Test
    void refusesOverlongHeaders() {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }" + " ".repeat(70_000);
        Path file = write("long.npy", npy(2, header, new byte[8]));
        assertTrue(message(file).contains("too long"), message(file));
    }

    @Test
    void readsVersion2WrittenByHand() throws Exception {
        byte[] data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array();
        Path file = write("v2.npy", npy(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }", data));
        NpyTensor t = NpyReader.read(file);
        assertArrayEquals(new long[] {1, 2}, t.shape());
        assertArrayEquals(new float[] {1.5f, -2f}, t.data());
    }

    @Test
    void refusesOtherFiles() {
        assertTrue(message(write("text.npy", "hello, world\n".getBytes(StandardCharsets.UTF_8))).contains("not a .npy file"));
        assertEquals("missing.npy: file not found", message(tmp.resolve("missing.npy")));
        Path structured = write("rec.npy", npy(1, "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (2,), }", new byte[8]));
        assertTrue(message(structured).contains("structured"));
        Path negative = write("neg.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }", new byte[8]));
        assertTrue(message(negative).contains("bad shape"));
    }

    @Test
    void headersWithAbsurdOrHostileTextGiveOneCleanLine() {
        Path wide = write("wide.npy", npy(1, "{'descr': '<f99999999999999', 'fortran_order': False, 'shape': (2,), }", new byte[8]));
        assertEquals("wide.npy: '<f99999999999999' arrays are not supported; save float32", message(wide));
        Path hostile = write("esc.npy", npy(1, "{'descr': '<\u001b[31m\u0000x', 'fortran_order': False, 'shape': (2,), }",
                new byte[8]));
        String m = message(hostile);
        assertTrue(m.chars().noneMatch(c -> c < 0x20), m);
        assertTrue(m.contains("\\x1B[31m\\x00x"), m);
    }

    @Test
    void aSparseFileAsLargeAsItsShapeIsRefusedBeforeAllocating() throws Exception {
        // 2^31 - 16 floats (8 GB) in a sparse file: the size check passes, the heap check must not
        long count = Integer.MAX_VALUE - 16;
        Path file = write("sparse.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (" + count + ",), }",
                new byte[0]));
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[1]), channel.size() + count * 4 - 1);
        }
        String m = message(file);
        assertTrue(m.contains("more than this program may use"), m);
    }

    @Test
    void emptyAndNonFiniteInputsAreRefused() throws Exception {
        var preprocessing = org.splitscope.input.Preprocessing.imagenet(8, 1.0, Preprocessing.Interpolation.BILINEAR);
        Path empty = write("empty.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 3, 8, 8), }", new byte[0]));
        var e = assertThrows(org.splitscope.SplitScopeException.class, () -> Samples.load(empty, preprocessing));
        assertTrue(e.getMessage().startsWith("empty.npy: ") && e.getMessage().contains("holds no image"), e.getMessage());
        ByteBuffer nan = ByteBuffer.allocate(3 * 8 * 8 * 4).order(ByteOrder.LITTLE_ENDIAN);
        while (nan.hasRemaining()) {
            nan.putFloat(Float.NaN);
        }
        Path nans = write("nan.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 8, 8), }", nan.array()));
        var f = assertThrows(org.splitscope.SplitScopeException.class, () -> Samples.load(nans, preprocessing));
        assertTrue(f.getMessage().contains("must be finite"), f.getMessage());
    }

    // ------------------------------------------------------------ helpers

    private static String message(Path file) {
        ImageInputException e = assertThrows(ImageInputException.class, () -> NpyReader.read(file));
        return e.getMessage();
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(tmp.resolve(name), bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A .npy file as numpy lays it out: magic, version, header length, header padded with spaces and '\n'. */
    private static byte[] npy(int major, String header, byte[] data) {
        int prefix = 6 + 2 + (major == 1 ? 2 : 4);
        int padded = ((prefix + header.length() + 1 + 63) / 64) * 64 - prefix;
        String text = header + " ".repeat(padded - header.length() - 1) + "\n";
        ByteBuffer length = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            length.putShort((short) text.length());
        } else {
            length.putInt(text.length());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        out.writeBytes(length.array());
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }
}
