package org.splitscope.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds torch zip archives and safetensors files byte by byte for the hostile-input tests. */
final class Archives {
    private Archives() {}

    /** A torch zip: {@code archive/<name>} for each entry, in order. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry("archive/" + e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zip(byte[] dataPkl, byte[] storage0) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("data.pkl", dataPkl);
        if (storage0 != null) {
            entries.put("data/0", storage0);
        }
        return zip(entries);
    }

    /** The entries of an existing zip file, without their prefix folder, in order. */
    static Map<String, byte[]> entries(Path zipFile) throws IOException {
        // ZipFile, not ZipInputStream: torch writes stored entries with data descriptors, which
        // ZipInputStream cannot read.
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    entries.put(e.getName().substring(e.getName().indexOf('/') + 1), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] safetensors(String json, byte[] data) {
        return safetensors(json.getBytes(StandardCharsets.UTF_8).length, json, data);
    }

    /** A safetensors file whose header length field says {@code headerLength}, whatever follows. */
    static byte[] safetensors(long headerLength, String json, byte[] data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(headerLength).put(header).put(data).array();
    }
}
