package org.splitscope.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * PyTorch's zip format (torch.save since 1.6): {@code <prefix>/data.pkl} holds the object, whose
 * persistent ids name storages stored as {@code <prefix>/data/<key>}; torch 2.x adds
 * {@code <prefix>/byteorder}.
 */
final class TorchZipReader {
    private TorchZipReader() {}

    static StateDict read(Path file, long fileSize, TensorFactory factory) throws CheckpointException, IOException {
        try (ZipFile zip = open(file)) {
            String prefix = findPrefix(file, zip);
            checkByteOrder(file, zip, prefix);
            ZipEntry pickleEntry = zip.getEntry(prefix + "data.pkl");
            byte[] pickle = readSmallEntry(file, zip, pickleEntry, Limits.MAX_PICKLE_BYTES, "data.pkl");
            StorageTable storages = new StorageTable();
            Object root = TorchPickles.load(
                    file, new PickleInput(new ByteArrayInputStream(pickle), pickle.length), storages, "data.pkl");
            Map<String, TensorRef> chosen = StateDictSelector.select(file, root);
            StorageSource source = new ZipStorages(file, zip, prefix);
            return new StateDict(file, new TensorMaterializer(file, source, factory, fileSize).build(chosen), Map.of());
        } catch (ZipException e) {
            throw new CheckpointException(file, "damaged zip archive (" + Messages.printable(String.valueOf(e.getMessage())) + ")", e);
        }
    }

    /**
     * java.util.zip opens by a {@code File}, that is by a String; a name that is not valid text in
     * the locale (Latin-1 bytes on a UTF-8 system, anything non-ASCII under LANG=C) does not survive
     * that. Such a file is opened through a symbolic link with a plain name, removed once it is open.
     */
    private static ZipFile open(Path file) throws IOException {
        java.io.File named = file.toFile();
        if (named.toPath().equals(file)) {
            return new ZipFile(named);
        }
        Path link = java.nio.file.Files.createTempFile("splitscope-checkpoint", ".pth");
        java.nio.file.Files.delete(link);
        java.nio.file.Files.createSymbolicLink(link, file.toAbsolutePath());
        try {
            return new ZipFile(link.toFile());
        } finally {
            java.nio.file.Files.deleteIfExists(link);
        }
    }

    /** The archive's single top-level folder that holds data.pkl ("archive/" in torch 2.x). */
    private static String findPrefix(Path file, ZipFile zip) throws CheckpointException {
        List<String> prefixes = new ArrayList<>();
        boolean torchScript = false;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                prefixes.add(name.substring(0, slash + 1));
            }
            torchScript |= slash > 0 && (name.startsWith("code/", slash + 1) || name.endsWith("/constants.pkl"));
        }
        if (torchScript) {
            throw new CheckpointException(file, "is a TorchScript archive, not a state dict; save model.state_dict() with torch.save");
        }
        if (prefixes.size() != 1) {
            throw new CheckpointException(file, prefixes.isEmpty()
                    ? "zip archive without data.pkl: not a PyTorch checkpoint"
                    : "zip archive with " + prefixes.size() + " data.pkl records");
        }
        return prefixes.get(0);
    }

    private static void checkByteOrder(Path file, ZipFile zip, String prefix) throws CheckpointException, IOException {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            return; // torch 1.x: always little-endian
        }
        String order = new String(readSmallEntry(file, zip, entry, 16, "byteorder"), StandardCharsets.US_ASCII).trim();
        if (!order.equals("little")) {
            throw new CheckpointException(file, "byte order '" + Messages.printable(order) + "' is not supported (only little-endian)");
        }
    }

    /** Reads a small entry whole, trusting neither its declared size nor its compression. */
    private static byte[] readSmallEntry(Path file, ZipFile zip, ZipEntry entry, long limit, String what)
            throws CheckpointException, IOException {
        if (entry.getSize() > limit) {
            throw new CheckpointException(file, what + " is " + entry.getSize() + " bytes, more than the limit of " + limit);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw new CheckpointException(file, what + " is larger than the limit of " + limit + " bytes");
            }
            return bytes;
        }
    }

    /** Reads the storage entries of one archive, checking each against what the pickle declares. */
    private record ZipStorages(Path file, ZipFile zip, String prefix) implements StorageSource {
        @Override
        public void check(StorageRef storage) throws CheckpointException {
            entry(storage);
        }

        @Override
        public void readInto(StorageRef storage, ByteBuffer target) throws CheckpointException, IOException {
            try (InputStream in = zip.getInputStream(entry(storage))) {
                Buffers.read(file, in, target, "storage " + storage.key());
            }
        }

        private ZipEntry entry(StorageRef storage) throws CheckpointException {
            String name = "data/" + storage.key();
            ZipEntry entry = zip.getEntry(prefix + name);
            if (entry == null) {
                throw new CheckpointException(file, "storage " + storage.key() + " is missing (no " + name + " in the archive)");
            }
            long needed = storage.bytes();
            if (entry.getSize() != needed) {
                throw new CheckpointException(file, "storage " + storage.key() + " holds " + entry.getSize()
                        + " bytes, the pickle declares " + needed);
            }
            if (needed > Limits.MAX_TENSOR_BYTES) {
                throw new CheckpointException(file, "storage " + storage.key() + " is larger than 2 GB, which is not supported");
            }
            // torch stores entries uncompressed; a re-zipped file may deflate them, but not beyond reason.
            if (entry.getMethod() != ZipEntry.STORED
                    && needed > Math.max(entry.getCompressedSize(), 0) * Limits.MAX_DEFLATE_RATIO + 1024) {
                throw new CheckpointException(file, "storage " + storage.key() + " claims " + needed
                        + " bytes from " + entry.getCompressedSize() + " compressed bytes");
            }
            return entry;
        }
    }
}
