package org.splitscope.input;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitscope.io.Printable;

/**
 * Reads numpy {@code .npy} files (format versions 1.0, 2.0 and 3.0) holding little-endian float32
 * in C order, e.g. a preprocessed input saved with {@code np.save("x.npy", x.astype(np.float32))}.
 * The header is checked against the file size before anything large is allocated.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy itself writes headers of a few hundred bytes; anything longer is not a real header. */
    private static final int MAX_HEADER = 64 * 1024;
    /** Java arrays stop a little short of 2^31 elements. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private static final Map<Character, String> KINDS =
            Map.of('f', "float", 'i', "int", 'u', "uint", 'b', "bool", 'c', "complex", 'U', "string", 'S', "bytes", 'O', "object");

    private NpyReader() {}

    public static NpyTensor read(Path file) throws ImageInputException {
        if (Files.isDirectory(file)) {
            throw new ImageInputException(file, "is a folder, not a .npy file");
        }
        if (!Files.exists(file)) {
            throw new ImageInputException(file, "file not found");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, channel);
        } catch (EOFException e) {
            throw new ImageInputException(file, "file is truncated (the header is incomplete)", e);
        } catch (IOException e) {
            throw new ImageInputException(file, "cannot read the file: " + e.getMessage(), e);
        }
    }

    private static NpyTensor read(Path file, FileChannel channel) throws IOException, ImageInputException {
        ByteBuffer preamble = readFully(channel, 8);
        for (int i = 0; i < MAGIC.length; i++) {
            if (preamble.get(i) != MAGIC[i]) {
                throw new ImageInputException(file, "not a .npy file (no \\x93NUMPY magic)");
            }
        }
        int major = preamble.get(6);
        long headerLength = switch (major) {
            case 1 -> Short.toUnsignedInt(readFully(channel, 2).getShort());
            case 2, 3 -> Integer.toUnsignedLong(readFully(channel, 4).getInt());
            default -> throw new ImageInputException(file, "unsupported .npy format version " + major + "." + preamble.get(7));
        };
        if (headerLength > MAX_HEADER) {
            throw new ImageInputException(file, "header of " + headerLength + " bytes is too long for a .npy file");
        }
        // Version 3 allows UTF-8 in the header; for the fields we read, Latin-1 and UTF-8 agree.
        String header = new String(readFully(channel, (int) headerLength).array(),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        if (header.matches("(?s).*['\"]descr['\"]\\s*:\\s*\\[.*")) {
            throw new ImageInputException(file, "structured arrays are not supported; save a plain float32 array");
        }
        checkDtype(file, field(file, DESCR, header, "descr"));
        if (field(file, FORTRAN, header, "fortran_order").equals("True")) {
            throw new ImageInputException(file, "Fortran-order arrays are not supported; save a C-order array (np.ascontiguousarray)");
        }
        long[] shape = parseShape(file, field(file, SHAPE, header, "shape"));

        long count = Arrays.stream(shape).anyMatch(d -> d == 0) ? 0 : 1;
        for (long dim : shape) {
            if (count > 0 && dim > MAX_ELEMENTS / count) { // checked before multiplying, so it cannot overflow
                throw new ImageInputException(file, "array of shape " + shapeText(shape) + " is too large");
            }
            count *= dim;
        }
        long dataStart = channel.position();
        long available = channel.size() - dataStart;
        if (available < count * 4) {
            throw new ImageInputException(file, "file is truncated: shape " + shapeText(shape) + " needs "
                    + count * 4 + " bytes of data but only " + available + " are there");
        }
        if (available > count * 4) {
            throw new ImageInputException(file, "file has " + (available - count * 4)
                    + " bytes after the data of shape " + shapeText(shape) + "; it is not a plain .npy file");
        }
        long bytesNeeded = count * 4; // a sparse file can be this large without holding anything
        if (bytesNeeded > allocatable()) {
            throw new ImageInputException(file, "array of shape " + shapeText(shape) + " needs " + megabytes(bytesNeeded)
                    + " MB, more than this program may use (" + megabytes(allocatable()) + " MB free; raise -Xmx or split the file)");
        }
        float[] data = new float[(int) count];
        ByteBuffer bytes = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        int filled = 0;
        while (filled < data.length) {
            bytes.clear().limit((int) Math.min(bytes.capacity(), (long) (data.length - filled) * 4));
            while (bytes.hasRemaining()) {
                if (channel.read(bytes) < 0) {
                    throw new EOFException();
                }
            }
            bytes.flip();
            int n = bytes.remaining() / 4;
            bytes.asFloatBuffer().get(data, filled, n);
            filled += n;
        }
        return new NpyTensor(shape, data);
    }

    /** What a new array may take: half of the heap still free, so the forward has room too. */
    private static long allocatable() {
        Runtime r = Runtime.getRuntime();
        return (r.maxMemory() - (r.totalMemory() - r.freeMemory())) / 2;
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** Accepts {@code <f4} (and {@code =f4}, numpy's native order on little-endian machines) only. */
    private static void checkDtype(Path file, String descr) throws ImageInputException {
        if (descr.equals("<f4") || descr.equals("=f4")) {
            return;
        }
        if (descr.length() >= 3 && descr.charAt(0) == '>' && descr.substring(1).equals("f4")) {
            throw new ImageInputException(file, "big-endian float32 arrays are not supported; save with dtype '<f4'");
        }
        String body = descr.length() >= 2 && "<>|=".indexOf(descr.charAt(0)) >= 0 ? descr.substring(1) : descr;
        String kind = body.isEmpty() ? null : KINDS.get(body.charAt(0));
        String name = "'" + Printable.clean(descr) + "'"; // header text is the file's, not ours to echo raw
        if (kind != null && body.substring(1).matches("\\d{1,3}")) {
            int bytes = Integer.parseInt(body.substring(1));
            name = kind.equals("bool") || kind.equals("object") || kind.equals("string") || kind.equals("bytes")
                    ? kind : kind + bytes * 8;
        }
        throw new ImageInputException(file, name + " arrays are not supported; save float32");
    }

    private static long[] parseShape(Path file, String text) throws ImageInputException {
        String[] parts = text.split(",");
        int n = 0;
        long[] shape = new long[parts.length];
        for (String part : parts) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue; // "(3,)" and "()" have empty pieces
            }
            // numpy 1.x may write "3L" for longs on Python 2.
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1);
            }
            try {
                shape[n] = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new ImageInputException(file, "bad shape in the .npy header: (" + Printable.clean(text) + ")");
            }
            if (shape[n] < 0) {
                throw new ImageInputException(file, "bad shape in the .npy header: (" + Printable.clean(text) + ")");
            }
            n++;
        }
        return Arrays.copyOf(shape, n);
    }

    private static String field(Path file, Pattern pattern, String header, String name) throws ImageInputException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new ImageInputException(file, "the .npy header has no readable '" + name + "' entry");
        }
        return m.group(1);
    }

    private static String shapeText(long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static ByteBuffer readFully(FileChannel channel, int n) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException();
            }
        }
        return buffer.flip();
    }
}
