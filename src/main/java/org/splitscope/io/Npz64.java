package org.splitscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Small float64 arrays as a numpy {@code .npz} (statistics, where float32 would lose the digits that
 * merging shards needs), written and read back. Only what this program writes is read.
 */
public final class Npz64 {
    /** An array and its shape. */
    public record Array(double[] data, long[] shape) {}

    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([0-9, ]*)\\)");
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'<f8'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");

    private Npz64() {}

    public static void write(OutputStream out, Map<String, Array> arrays) throws IOException {
        // closed (ending its Deflater's native memory at once) without closing the caller's stream
        ZipOutputStream zip = new ZipOutputStream(new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        });
        for (var e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
            long[] shape = e.getValue().shape();
            String dims = shape.length == 1 ? shape[0] + "," : Arrays.stream(shape).mapToObj(Long::toString)
                    .collect(Collectors.joining(", "));
            StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }");
            while ((10 + header.length() + 1) % 64 != 0) {
                header.append(' ');
            }
            header.append('\n');
            ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                    .putShort((short) header.length());
            zip.write(head.array());
            zip.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            ByteBuffer body = ByteBuffer.allocate(e.getValue().data().length * 8).order(ByteOrder.LITTLE_ENDIAN);
            body.asDoubleBuffer().put(e.getValue().data());
            zip.write(body.array());
            zip.closeEntry();
        }
        zip.close();
    }

    /**
     * Reads every array, refusing (with an IOException naming the entry) anything but float64 arrays
     * whose values fit in the memory still free; a Fortran-order array (as numpy may write one) is
     * returned in C order. Only a regular file is opened.
     */
    public static Map<String, Array> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(Files.exists(file) ? "not a regular file" : "no such file");
        }
        Runtime rt = Runtime.getRuntime();
        long budget = (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 3;
        Map<String, Array> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName().replaceFirst("\\.npy$", "");
                if (out.containsKey(name)) {
                    throw new IOException(name + " is in the file twice");
                }
                Array a = entry(zip, Printable.clean(e.getName()), budget);
                budget -= a.data().length * 8L;
                out.put(name, a);
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            throw new IOException("not a readable .npz (" + e.getMessage() + ")");
        }
        return out;
    }

    private static Array entry(InputStream zip, String name, long budget) throws IOException {
        byte[] magic = zip.readNBytes(8);
        if (magic.length < 8 || magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII)
                .equals("NUMPY")) {
            throw new IOException(name + " is not a .npy");
        }
        int major = magic[6];
        byte[] len = zip.readNBytes(major == 1 ? 2 : 4);
        ByteBuffer lb = ByteBuffer.wrap(Arrays.copyOf(len, 4)).order(ByteOrder.LITTLE_ENDIAN);
        long length = major == 1 ? lb.getShort(0) & 0xFFFF : lb.getInt(0) & 0xFFFFFFFFL;
        if ((major != 1 && major != 2 && major != 3) || len.length < (major == 1 ? 2 : 4) || length > 65536) {
            throw new IOException(name + ": an unknown .npy version or header");
        }
        byte[] headerBytes = zip.readNBytes((int) length);
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        Matcher m = SHAPE.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        if (headerBytes.length < length || !DESCR.matcher(header).find() || !m.find() || !fortran.find()) {
            throw new IOException(name + " is not a float64 array (descr '<f8', fortran_order, shape)");
        }
        long[] shape;
        long count = 1;
        try {
            shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            for (long d : shape) {
                if (d < 0) {
                    throw new IOException(name + ": a negative dimension in shape " + Arrays.toString(shape));
                }
                count = Math.multiplyExact(count, d);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IOException(name + ": shape (" + m.group(1).strip() + ") is not a size");
        }
        if (count > (Integer.MAX_VALUE - 16) / 8 || count * 8 > budget) { // one byte[] holds the values
            throw new IOException(name + ": shape " + Arrays.toString(shape) + " holds more values than memory allows");
        }
        byte[] body = zip.readNBytes((int) count * 8);
        if (body.length != count * 8 || zip.read() != -1) {
            throw new IOException(name + ": " + (body.length < count * 8 ? body.length / 8 + " values" : "more values")
                    + " for shape " + Arrays.toString(shape));
        }
        double[] data = new double[(int) count];
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(data);
        boolean isFortran = fortran.group(1).equals("True");
        return new Array(isFortran && shape.length > 1 ? toC(data, shape) : data, shape);
    }

    /** Column-major (first index fastest) values reordered to row-major (last index fastest). */
    static double[] toC(double[] f, long[] shape) {
        int n = shape.length;
        double[] c = new double[f.length];
        int[] index = new int[n];
        for (int i = 0; i < c.length; i++) {
            // i runs in C order; its Fortran offset has stride 1 for the first axis
            int offset = 0;
            int stride = 1;
            for (int k = 0; k < n; k++) {
                offset += index[k] * stride;
                stride *= (int) shape[k];
            }
            c[i] = f[offset];
            for (int k = n - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return c;
    }
}
