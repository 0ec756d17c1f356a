package org.splitscope.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A float32 {@code .npy} file written row block by row block, its first axis counted as it grows:
 * the header has room reserved up front and is written last, so nothing but the current rows is
 * ever in memory.
 */
public final class NpyAppender implements Closeable {
    /** Header bytes reserved: magic, version, length and the padded dict (numpy aligns to 64). */
    private static final int HEADER = 256;

    private final Path file;
    private final long[] rest;
    private final long rowSize;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long rows;

    /** @param rest the shape after the first axis ([R, K, C/K] for attention) */
    public NpyAppender(Path file, long... rest) throws IOException {
        this.file = file;
        this.rest = rest.clone();
        this.rowSize = Arrays.stream(rest).reduce(1, Math::multiplyExact);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.position(HEADER);
    }

    /** Appends whole rows: {@code length} must be a multiple of the row size. */
    public void append(float[] data, int offset, int length) throws IOException {
        if (length % rowSize != 0) {
            throw new IllegalArgumentException(length + " values are not whole rows of " + rowSize);
        }
        for (int i = offset; i < offset + length; i++) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            buffer.putFloat(data[i]);
        }
        flush();
        rows += length / rowSize;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    public long rows() {
        return rows;
    }

    public Path file() {
        return file;
    }

    /** Writes the header for the rows appended so far; the file is then a complete .npy. */
    public void finish() throws IOException {
        String shape = rows + (rest.length == 0 ? "," : ", " + Arrays.stream(rest).mapToObj(Long::toString)
                .collect(Collectors.joining(", ")));
        StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }");
        int length = HEADER - 10;
        if (dict.length() + 1 > length) {
            throw new IOException("shape " + shape + " does not fit the .npy header");
        }
        while (dict.length() < length - 1) {
            dict.append(' ');
        }
        dict.append('\n');
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        header.putShort((short) length);
        header.put(dict.toString().getBytes(StandardCharsets.US_ASCII));
        header.flip();
        channel.write(header, 0);
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
