package org.splitscope.io;

import java.io.ByteArrayOutputStream;
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

    private static final Pattern SHAPE = Pattern.compile("'shape': \\(([0-9, ]*)\\)");

    private Npz64() {}

    public static void write(OutputStream out, Map<String, Array> arrays) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
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
        zip.finish();
    }

    public static Map<String, Array> read(Path file) throws IOException {
        Map<String, Array> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                if (b.remaining() < 10 || b.get(0) != (byte) 0x93) {
                    throw new IOException(e.getName() + " is not a .npy");
                }
                int length = b.getShort(8) & 0xFFFF;
                String header = new String(bytes.toByteArray(), 10, length, StandardCharsets.US_ASCII);
                Matcher m = SHAPE.matcher(header);
                if (!header.contains("'<f8'") || !m.find()) {
                    throw new IOException(e.getName() + " is not a float64 array written by SplitScope");
                }
                long[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .mapToLong(Long::parseLong).toArray();
                b.position(10 + length);
                double[] data = new double[b.remaining() / 8];
                b.asDoubleBuffer().get(data);
                if (data.length != Arrays.stream(shape).reduce(1, Math::multiplyExact)) {
                    throw new IOException(e.getName() + ": " + data.length + " values for shape " + Arrays.toString(shape));
                }
                out.put(e.getName().replaceFirst("\\.npy$", ""), new Array(data, shape));
            }
        }
        return out;
    }
}
