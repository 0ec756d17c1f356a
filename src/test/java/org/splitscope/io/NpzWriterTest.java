package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;

/**
 * The one streaming npz writer (capture.npz, cam.npz) against what numpy makes of its output:
 * npz-writer-numpy.json was written by numpy 1.24 ({@code /usr/bin/python3}) after {@code np.load} of
 * an npz this writer wrote from the arrays below; per array it holds the dtype, shape and values numpy
 * read and the header and data bytes {@code np.save} writes for that array.
 */
class NpzWriterTest {
    @TempDir
    Path temp;

    /** Two batches of two arrays, as a capture appends them: 1 row, then 2. */
    private Path write(Path dir) throws Exception {
        Path npz = dir.resolve("out.npz");
        try (NpzWriter w = NpzWriter.open(dir, "gen")) {
            w.array("logits", 3);
            w.array("layer1.0.attention", 2, 1, 2);
            for (int batch = 0; batch < 2; batch++) {
                float[] logits = new float[3 * (batch + 1)];
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = batch * 10 + i - 2.5f;
                }
                w.append("logits", logits);
                float[] attention = new float[4 * (batch + 1)];
                for (int i = 0; i < attention.length; i++) {
                    attention[i] = (float) (1.0 / (i + 1 + batch));
                }
                w.append("layer1.0.attention", attention);
            }
            assertEquals(3, w.rows("logits"));
            w.finish();
            try (OutputStream out = Files.newOutputStream(npz)) {
                w.writeTo(out, "splitscope run test");
            }
        }
        return npz;
    }

    @Test
    void numpyReadsWhatWasAppended() throws Exception {
        Path npz = write(temp);
        JsonObject numpy = JsonParser.parseString(Files.readString(
                TestSupport.resource("org/splitscope/io/npz-writer-numpy.json"))).getAsJsonObject();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            assertEquals(numpy.get("comment").getAsString(), zip.getComment());
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                names.add(e.getName());
            }
            JsonArray arrays = numpy.getAsJsonArray("arrays");
            List<String> want = new ArrayList<>();
            arrays.forEach(a -> want.add(a.getAsJsonObject().get("name").getAsString() + ".npy"));
            assertEquals(want, names, "entries NAME.npy in the order declared");
            for (var element : arrays) {
                JsonObject a = element.getAsJsonObject();
                byte[] npy = zip.getInputStream(zip.getEntry(a.get("name").getAsString() + ".npy")).readAllBytes();
                assertEquals((byte) 0x93, npy[0]);
                assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
                int headerLength = ByteBuffer.wrap(npy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
                assertEquals(0, (10 + headerLength) % 64, "data aligned as numpy aligns it");
                String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII).stripTrailing();
                assertEquals(a.get("header").getAsString(), header, "numpy's own header for the array numpy read");
                byte[] data = java.util.Arrays.copyOfRange(npy, 10 + headerLength, npy.length);
                assertArrayEquals(Base64.getDecoder().decode(a.get("dataBase64").getAsString()), data,
                        a.get("name").getAsString() + ": the float32 bytes numpy read");
            }
        }
        try (var left = Files.list(temp)) {
            assertEquals(List.of(npz), left.toList(), "the scratch folder is gone after close");
        }
    }

    @Test
    void closingWithoutWritingLeavesNothing() throws Exception {
        try (NpzWriter w = NpzWriter.open(temp, "gen")) {
            w.array("x", 2);
            w.append("x", new float[] {1, 2});
            assertThrows(IllegalStateException.class, () -> w.append("y", new float[] {1}),
                    "an array the first batch did not declare");
            assertThrows(IllegalStateException.class, () -> w.array("x", 2));
            assertFalse(w.isEmpty());
        }
        try (var left = Files.list(temp)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
