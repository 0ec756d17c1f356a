package org.splitscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A numpy {@code .npz} of float32 arrays [N, …] written batch by batch, so memory stays flat in N:
 * each array grows as a {@code .npy} ({@link NpyAppender}) in a hidden scratch folder of the output,
 * and {@link #writeTo} streams the finished arrays into one archive in the order they were declared
 * (numpy's layout: {@code NAME.npy} entries). The caller puts that archive in place with
 * {@link AtomicFiles#writeAll}, beside its other files; closing deletes the scratch folder.
 * The capture ({@code capture.npz}) and the maps ({@code cam.npz}) both write through this.
 */
public final class NpzWriter implements AutoCloseable {
    private final Path scratch;
    private final Map<String, NpyAppender> arrays = new LinkedHashMap<>();

    private NpzWriter(Path scratch) {
        this.scratch = scratch;
    }

    /**
     * @param name the scratch folder's name: {@code .NAME.<uuid>.part} in {@code dir}, removed by
     *     {@link #close}, on interruption, or by the next run that holds the folder's lock
     */
    public static NpzWriter open(Path dir, String name) throws IOException {
        return new NpzWriter(AtomicFiles.scratch(dir, name));
    }

    /** The scratch folder, for work files that go in place together with the archive (cam's overlays). */
    public Path scratch() {
        return scratch;
    }

    /**
     * Declares an array (entry {@code name.npy}); the first axis grows with every {@link #append}.
     *
     * @param rest the shape after the first axis
     */
    public void array(String name, long... rest) throws IOException {
        if (arrays.containsKey(name)) {
            throw new IllegalStateException("array declared twice: " + name);
        }
        // numbered, not named: an array's name (a block's path) is no concern of the file system
        arrays.put(name, new NpyAppender(scratch.resolve(arrays.size() + ".npy"), rest));
    }

    /** Whether nothing has been declared yet (the first batch declares the arrays). */
    public boolean isEmpty() {
        return arrays.isEmpty();
    }

    /** Appends whole rows of a declared array. */
    public void append(String name, float[] values) throws IOException {
        NpyAppender a = arrays.get(name);
        if (a == null) {
            throw new IllegalStateException("a batch with an array the first batch did not have: " + name);
        }
        a.append(values, 0, values.length);
    }

    /** Rows appended to {@code name} so far. */
    public long rows(String name) {
        NpyAppender a = arrays.get(name);
        return a == null ? 0 : a.rows();
    }

    /** Writes every array's header for the rows it has: after this the arrays are complete. */
    public void finish() throws IOException {
        for (NpyAppender a : arrays.values()) {
            a.finish();
            a.close();
        }
    }

    /**
     * Streams the finished arrays into {@code out} as one npz (the stream is finished, not closed).
     * Deflate at level 0: stored bytes, but the CRC is computed as the data streams through (STORED
     * would need it before).
     *
     * @param comment the archive's comment (capture.npz carries its run id there), or null for none
     */
    public void writeTo(OutputStream out, String comment) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.NO_COMPRESSION);
        if (comment != null) {
            zip.setComment(comment);
        }
        for (var e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
            try (InputStream in = Files.newInputStream(e.getValue().file())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Closes the arrays and deletes the scratch folder (what was not put in place is gone). */
    @Override
    public void close() throws IOException {
        List<IOException> problems = new ArrayList<>();
        for (NpyAppender a : arrays.values()) {
            try {
                a.close();
            } catch (IOException e) {
                problems.add(e);
            }
        }
        AtomicFiles.deleteScratch(scratch);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }
}
