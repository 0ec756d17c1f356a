package org.splitscope.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Direct little-endian buffers, filled straight from the file: the memory DJL wraps as tensors. */
final class Buffers {
    private Buffers() {}

    private static final int CHUNK = 1 << 20;

    static ByteBuffer allocate(long bytes) {
        // Callers check against Limits.MAX_TENSOR_BYTES and the file size first.
        return ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads {@code bytes} bytes at {@code position}; a short file is reported as truncation. */
    static ByteBuffer read(Path file, FileChannel channel, long position, long bytes, String what)
            throws CheckpointException, IOException {
        ByteBuffer buffer = allocate(bytes);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw truncated(file, what, bytes, buffer.position());
            }
            at += n;
        }
        return buffer.flip();
    }

    /** Reads exactly {@code bytes} bytes from a stream (a zip entry). */
    static ByteBuffer read(Path file, InputStream in, long bytes, String what)
            throws CheckpointException, IOException {
        ByteBuffer buffer = allocate(bytes);
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(bytes, 1))];
        while (buffer.hasRemaining()) {
            int n = in.read(chunk, 0, Math.min(chunk.length, buffer.remaining()));
            if (n < 0) {
                throw truncated(file, what, bytes, buffer.position());
            }
            buffer.put(chunk, 0, n);
        }
        return buffer.flip();
    }

    static CheckpointException truncated(Path file, String what, long needed, long got) {
        return new CheckpointException(
                file, "truncated: " + what + " needs " + needed + " bytes, " + got + " left");
    }
}
