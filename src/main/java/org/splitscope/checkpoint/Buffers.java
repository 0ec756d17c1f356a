package org.splitscope.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Filling tensor bytes from the file, with short reads reported as truncation. */
final class Buffers {
    private Buffers() {}

    private static final int CHUNK = 1 << 20;

    /** A direct little-endian buffer; callers check the size against the file first. */
    static ByteBuffer allocate(long bytes) {
        return ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Fills {@code target} from the file at {@code position}. */
    static void read(Path file, FileChannel channel, long position, ByteBuffer target, String what)
            throws CheckpointException, IOException {
        int start = target.position();
        long at = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, at);
            if (n < 0) {
                throw truncated(file, what, target.limit() - start, target.position() - start);
            }
            at += n;
        }
    }

    /** Fills {@code target} from a stream (a zip entry). */
    static void read(Path file, InputStream in, ByteBuffer target, String what) throws CheckpointException, IOException {
        int start = target.position();
        byte[] chunk = new byte[Math.min(CHUNK, Math.max(target.remaining(), 1))];
        while (target.hasRemaining()) {
            int n = in.read(chunk, 0, Math.min(chunk.length, target.remaining()));
            if (n < 0) {
                throw truncated(file, what, target.limit() - start, target.position() - start);
            }
            target.put(chunk, 0, n);
        }
    }

    static CheckpointException truncated(Path file, String what, long needed, long got) {
        return new CheckpointException(
                file, "truncated: " + what + " needs " + needed + " bytes, " + got + " left");
    }
}
