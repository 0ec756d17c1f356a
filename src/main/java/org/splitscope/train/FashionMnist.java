package org.splitscope.train;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.splitscope.SplitScopeException;

/**
 * Fashion-MNIST as Debian's {@code dataset-fashion-mnist} ships it: gzipped IDX files of 28×28
 * grayscale images (white garment on black) and their labels.
 */
public final class FashionMnist {
    public static final Path DEBIAN_PATH = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final List<String> LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Images row-major, one byte per pixel, image i at {@code i * PIXELS}. */
    public record Split(byte[] pixels, byte[] labels) {
        public int size() {
            return labels.length;
        }

        public int label(int i) {
            return labels[i];
        }
    }

    private FashionMnist() {}

    public static Split train(Path dir) throws SplitScopeException {
        return read(dir, "train");
    }

    public static Split test(Path dir) throws SplitScopeException {
        return read(dir, "t10k");
    }

    private static Split read(Path dir, String prefix) throws SplitScopeException {
        Path images = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            throw new SplitScopeException(dir + ": no Fashion-MNIST files (" + images.getFileName()
                    + "); install them with 'apt-get install dataset-fashion-mnist' or pass --data DIR");
        }
        byte[] pixels = idx(images, 2051, PIXELS);
        byte[] classes = idx(labels, 2049, 1);
        if (pixels.length / PIXELS != classes.length) {
            throw new SplitScopeException(images.getFileName() + ": " + pixels.length / PIXELS
                    + " images but " + classes.length + " labels");
        }
        for (byte c : classes) {
            if (c < 0 || c >= LABELS.size()) {
                throw new SplitScopeException(labels.getFileName() + ": label " + c + " out of range");
            }
        }
        return new Split(pixels, classes);
    }

    /** An IDX file: magic, item count, (rows, columns), then unsigned bytes. */
    private static byte[] idx(Path file, int magic, int itemBytes) throws SplitScopeException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            if (in.readInt() != magic) {
                throw new SplitScopeException(file.getFileName() + ": not an IDX file of the expected kind");
            }
            int count = in.readInt();
            if (itemBytes == PIXELS && (in.readInt() != SIDE || in.readInt() != SIDE)) {
                throw new SplitScopeException(file.getFileName() + ": images are not 28×28");
            }
            if (count < 0 || count > 1_000_000) {
                throw new SplitScopeException(file.getFileName() + ": implausible item count " + count);
            }
            byte[] data = new byte[count * itemBytes];
            in.readFully(data);
            return data;
        } catch (EOFException e) {
            throw new SplitScopeException(file.getFileName() + ": truncated");
        } catch (IOException e) {
            throw new SplitScopeException(file.getFileName() + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
