package org.splitscope.checkpoint;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile safetensors headers: each is refused before any tensor is allocated. */
class SafetensorsValidationTest extends WithManager {
    @TempDir Path dir;

    private void assertRefused(byte[] file, String part) throws IOException {
        Fixtures.assertRefused(Files.write(dir.resolve("bad.safetensors"), file), part, manager);
    }

    private static final byte[] EIGHT_BYTES = new byte[8];

    private static String tensor(String dtype, String shape, long begin, long end) {
        return "{\"w\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}}";
    }

    @Test
    void headerLengthMustFitTheFile() throws IOException {
        String json = tensor("F32", "[2]", 0, 8);
        byte[] huge = Archives.safetensors(Long.MAX_VALUE, json, EIGHT_BYTES);
        assertRefused(huge, "safetensors header length 9223372036854775807 exceeds file size " + huge.length);
        assertRefused(Archives.safetensors(0, json, EIGHT_BYTES), "safetensors header length 0 is not positive");
        assertRefused(Archives.safetensors(-1, json, EIGHT_BYTES), "safetensors header length -1 is not positive");
    }

    @Test
    void headerOver100MegabytesIsRefusedEvenInABigFile() throws IOException {
        // A sparse 200 MB file: costs no disk, and shows the limit holds where the size would fit.
        Path file = dir.resolve("sparse.safetensors");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(200L << 20);
            raf.write(ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putLong(150L << 20).put((byte) '{').array());
        }
        Fixtures.assertRefused(file, "safetensors header length 157286400 exceeds the 100 MB limit", manager);
    }

    @Test
    void offsetsPastTheEndAreRefused() throws IOException {
        assertRefused(Archives.safetensors(tensor("F32", "[2]", 0, 8), new byte[4]),
                "tensor 'w' data_offsets [0, 8] lie outside the data section of 4 bytes");
        assertRefused(Archives.safetensors(tensor("F32", "[2]", 8, 0), EIGHT_BYTES), "lie outside the data section");
        assertRefused(Archives.safetensors(tensor("F32", "[2]", -8, 0), EIGHT_BYTES), "lie outside the data section");
    }

    @Test
    void shapeMustMatchTheByteCount() throws IOException {
        assertRefused(Archives.safetensors(tensor("F32", "[3]", 0, 8), EIGHT_BYTES),
                "tensor 'w' data_offsets hold 8 bytes but shape [3] of F32 needs 12");
        assertRefused(Archives.safetensors(tensor("F32", "[4294967296,4294967296]", 0, 8), EIGHT_BYTES),
                "shape [4294967296, 4294967296] is too large");
        assertRefused(Archives.safetensors(tensor("F32", "[-2]", 0, 8), EIGHT_BYTES), "invalid shape [-2]");
    }

    @Test
    void unknownDtypeIsRefused() throws IOException {
        assertRefused(Archives.safetensors(tensor("F8_E4M3", "[8]", 0, 8), EIGHT_BYTES), "unsupported dtype 'F8_E4M3'");
    }

    @Test
    void invalidJsonIsRefused() throws IOException {
        assertRefused(Archives.safetensors("{\"w\": [1, 2", EIGHT_BYTES), "safetensors header is not valid JSON");
        assertRefused(Archives.safetensors("{w: 1}", EIGHT_BYTES), "safetensors header is not valid JSON");
        assertRefused(Archives.safetensors("{} trailing", EIGHT_BYTES), "not valid JSON");
        assertRefused(Archives.safetensors("{\"w\": " + "[".repeat(100_000), EIGHT_BYTES), "not valid JSON");
        byte[] notUtf8 = Archives.safetensors("{\"w\": \"\u00ff\"}", EIGHT_BYTES);
        notUtf8[15] = (byte) 0xff;
        assertRefused(notUtf8, "not UTF-8");
    }

    @Test
    void entriesMustBeCompleteDistinctAndDisjoint() throws IOException {
        assertRefused(Archives.safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", EIGHT_BYTES), "lacks dtype, shape or data_offsets");
        String twice = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertRefused(Archives.safetensors(twice, EIGHT_BYTES), "lists 'w' twice");
        // Overlap would let a small file claim its data many times.
        String overlap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertRefused(Archives.safetensors(overlap, EIGHT_BYTES), "tensors 'a' and 'b' overlap");
        assertRefused(Archives.safetensors("{\"__metadata__\":{\"n\":1}}", EIGHT_BYTES), "__metadata__ value of 'n' is not a string");
        assertRefused(Archives.safetensors("{\"__metadata__\":{}}", EIGHT_BYTES), "no tensors found");
    }
}
