package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;

/** Npz64 reads what numpy writes, in either memory order, and refuses what would not fit. */
class Npz64Test {
    @TempDir
    Path temp;

    /**
     * fortran.npz was written by numpy 1.x ({@code /usr/bin/python3}): {@code a = np.arange(24.).reshape(2, 3, 4)
     * * 0.5 + 0.25; np.savez('fortran.npz', f=np.asfortranarray(a), c=np.ascontiguousarray(a),
     * v=np.arange(5.))}. The Fortran-order copy must read as the same array, not its transpose.
     */
    @Test
    void fortranOrderArraysReadAsNumpyMeansThem() throws Exception {
        Map<String, Npz64.Array> arrays = Npz64.read(TestSupport.resource("org/splitscope/io/fortran.npz"));
        double[] want = new double[24];
        for (int i = 0; i < 24; i++) {
            want[i] = i * 0.5 + 0.25; // C order: a[i, j, k] at i*12 + j*4 + k
        }
        assertArrayEquals(want, arrays.get("c").data());
        assertArrayEquals(want, arrays.get("f").data(), "fortran_order: True honoured");
        assertArrayEquals(new long[] {2, 3, 4}, arrays.get("f").shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, arrays.get("v").data());
    }

    /** An npz of one entry x.npy with this header dictionary and these float64 values. */
    private Path npz(String name, String dict, double... values) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("x.npy"));
            byte[] header = (dict + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length + values.length * 8)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                    .putShort((short) header.length).put(header);
            for (double v : values) {
                b.putDouble(v);
            }
            zip.write(b.array());
            zip.closeEntry();
        }
        return Files.write(temp.resolve(name), bytes.toByteArray());
    }

    @Test
    void aHeaderThatPromisesMoreThanMemoryOrDataIsRefused() throws Exception {
        Path ok = npz("ok.npz", "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 1, 2);
        assertArrayEquals(new double[] {1, 2}, Npz64.read(ok).get("x").data());
        Path short_ = npz("short.npz", "{'descr': '<f8', 'fortran_order': False, 'shape': (9,), }", 1, 2);
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> Npz64.read(short_));
        assertTrue(e.getMessage().contains("x.npy: 2 values for shape [9]"), e.getMessage());
        Path huge = npz("huge.npz", "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999,), }", 1, 2);
        e = assertThrows(java.io.IOException.class, () -> Npz64.read(huge));
        assertTrue(e.getMessage().contains("more values than memory allows"), e.getMessage());
        Path overflow = npz("overflow.npz", "{'descr': '<f8', 'fortran_order': False, 'shape': (9999999999, 9999999999), }");
        e = assertThrows(java.io.IOException.class, () -> Npz64.read(overflow));
        assertTrue(e.getMessage().contains("is not a size"), e.getMessage());
        Path f4 = npz("f4.npz", "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 1);
        e = assertThrows(java.io.IOException.class, () -> Npz64.read(f4));
        assertTrue(e.getMessage().contains("is not a float64 array"), e.getMessage());
        Path fifo = temp.resolve("fifo.npz");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            e = assertThrows(java.io.IOException.class, () -> Npz64.read(fifo));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
    }

    @Test
    void toCReordersColumnMajorValues() {
        // [[1, 2, 3], [4, 5, 6]] in Fortran order is 1 4 2 5 3 6
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Npz64.toC(new double[] {1, 4, 2, 5, 3, 6}, new long[] {2, 3}));
    }
}
