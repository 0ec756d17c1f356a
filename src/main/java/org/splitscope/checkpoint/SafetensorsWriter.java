package org.splitscope.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.splitscope.io.AtomicFiles;

/**
 * Writes float32 tensors as safetensors (timm / Hugging Face), with string metadata in
 * {@code __metadata__} — which DJL's encoder cannot write, and SplitScope's own models need.
 */
public final class SafetensorsWriter {
    private SafetensorsWriter() {}

    public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        long offset = 0;
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            NDArray array = e.getValue();
            if (array.getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException(e.getKey() + ": only float32 is written, got " + array.getDataType());
            }
            long bytes = array.size() * Float.BYTES;
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : array.getShape().getShape()) {
                shape.add(d);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + bytes);
            entry.add("data_offsets", offsets);
            header.add(e.getKey(), entry);
            offset += bytes;
        }
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        header.add("__metadata__", meta);

        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // the data section starts 8-byte aligned
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(padded).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        AtomicFiles.write(file, out -> {
            out.write(prefix.array());
            for (NDArray array : tensors.values()) {
                ByteBuffer data = array.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                out.write(chunk);
            }
        });
    }
}
