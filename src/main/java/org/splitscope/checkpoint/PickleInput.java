package org.splitscope.checkpoint;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes a pickle may use: reads stop at {@code limit}, and {@link #remaining()} lets the
 * unpickler check a declared length before anything is allocated for it. Counts the position so
 * the legacy reader knows where the raw storages begin.
 */
final class PickleInput extends InputStream {
    private final InputStream in;
    private final long limit;
    private long position;
    private long markedPosition;

    /** @param in must support mark/reset (ByteArrayInputStream, BufferedInputStream) */
    PickleInput(InputStream in, long limit) {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("stream without mark/reset");
        }
        this.in = in;
        this.limit = limit;
    }

    long position() {
        return position;
    }

    long remaining() {
        return limit - position;
    }

    @Override
    public int read() throws IOException {
        if (position >= limit) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= limit) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, limit - position));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        in.mark(readLimit);
        markedPosition = position;
    }

    @Override
    public synchronized void reset() throws IOException {
        in.reset();
        position = markedPosition;
    }
}
