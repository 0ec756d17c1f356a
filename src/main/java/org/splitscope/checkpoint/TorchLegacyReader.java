package org.splitscope.checkpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's legacy format (before 1.6, or {@code _use_new_zipfile_serialization=False}): five pickles
 * in a row (magic number, protocol version, system info, the object, the storage keys), then for
 * each key in that order an int64 element count and the storage's raw bytes.
 */
final class TorchLegacyReader {
    private TorchLegacyReader() {}

    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long PROTOCOL_VERSION = 1001;

    static StateDict read(Path file, FileChannel channel, TensorFactory factory) throws CheckpointException, IOException {
        long size = channel.size();
        channel.position(0);
        // Not closed here: closing it would close the channel, which the caller owns.
        PickleInput in = new PickleInput(
                new BufferedInputStream(Channels.newInputStream(channel), 1 << 16), Math.min(size, Limits.MAX_PICKLE_BYTES));

        Object magic = TorchPickles.load(file, in, null, "the magic number");
        if (!MAGIC.equals(magic)) {
            throw new CheckpointException(file, "starts with a pickle but not with PyTorch's magic number: not a PyTorch checkpoint");
        }
        Object protocol = TorchPickles.load(file, in, null, "the protocol version");
        if (!(protocol instanceof Number p) || p.longValue() != PROTOCOL_VERSION) {
            throw new CheckpointException(file, "unsupported PyTorch legacy protocol version " + Messages.describe(protocol));
        }
        Object sysInfo = TorchPickles.load(file, in, null, "the system info");
        if (!(sysInfo instanceof Map<?, ?> info) || !Boolean.TRUE.equals(info.get("little_endian"))) {
            throw new CheckpointException(file, "was saved on a big-endian machine, which is not supported");
        }
        StorageTable storages = new StorageTable();
        Object root = TorchPickles.load(file, in, storages, "the object pickle");
        Object keys = TorchPickles.load(file, in, null, "the storage key list");
        Map<String, Long> offsets = locateStorages(file, channel, in.position(), keys, storages);

        Map<String, TensorRef> chosen = StateDictSelector.select(file, root);
        StorageSource source = new LegacyStorages(file, channel, offsets);
        return new StateDict(file, new TensorMaterializer(file, source, factory, size).build(chosen), Map.of());
    }

    /**
     * Walks the data section: each record is an int64 element count, then the bytes. The element
     * size comes from the storage's type in the object pickle, so every key must be declared there.
     *
     * @return the file position of each storage's bytes
     */
    private static Map<String, Long> locateStorages(
            Path file, FileChannel channel, long start, Object keys, StorageTable storages)
            throws CheckpointException, IOException {
        if (!(keys instanceof List<?> list)) {
            throw new CheckpointException(file, "damaged legacy checkpoint: storage key list is not a list");
        }
        long size = channel.size();
        Map<String, Long> offsets = new HashMap<>();
        ByteBuffer count = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        long position = start;
        for (Object key : list) {
            StorageRef storage = key instanceof String k ? storages.get(k) : null;
            if (storage == null) {
                throw new CheckpointException(file, "damaged legacy checkpoint: storage key "
                        + Messages.describe(key) + " is not declared in the object pickle");
            }
            if (offsets.containsKey(storage.key())) {
                throw new CheckpointException(file, "damaged legacy checkpoint: storage " + storage.key() + " listed twice");
            }
            if (size - position < 8) {
                throw Buffers.truncated(file, "storage " + storage.key(), 8 + storage.bytes(), Math.max(0, size - position));
            }
            count.clear();
            while (count.hasRemaining()) {
                if (channel.read(count, position + count.position()) < 0) {
                    throw new IOException("file shrank while reading");
                }
            }
            long elements = count.getLong(0);
            if (elements != storage.numel()) {
                throw new CheckpointException(file, "storage " + storage.key() + " has " + elements
                        + " elements in the data section, the pickle declares " + storage.numel());
            }
            long bytes = storage.bytes();
            long left = size - position - 8;
            if (bytes > left) {
                throw Buffers.truncated(file, "storage " + storage.key(), bytes, left);
            }
            offsets.put(storage.key(), position + 8);
            position += 8 + bytes;
        }
        return offsets;
    }

    /** Storages at the file positions found by {@link #locateStorages}, which also checked their sizes. */
    private record LegacyStorages(Path file, FileChannel channel, Map<String, Long> offsets) implements StorageSource {
        @Override
        public void check(StorageRef storage) throws CheckpointException {
            offset(storage);
        }

        @Override
        public void readInto(StorageRef storage, ByteBuffer target) throws CheckpointException, IOException {
            Buffers.read(file, channel, offset(storage), target, "storage " + storage.key());
        }

        private long offset(StorageRef storage) throws CheckpointException {
            Long offset = offsets.get(storage.key());
            if (offset == null) {
                throw new CheckpointException(file, "storage " + storage.key() + " is missing from the data section");
            }
            if (storage.bytes() > Limits.MAX_TENSOR_BYTES) {
                throw new CheckpointException(file, "storage " + storage.key() + " is larger than 2 GB, which is not supported");
            }
            return offset;
        }
    }
}
