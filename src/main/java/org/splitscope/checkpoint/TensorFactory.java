package org.splitscope.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the NDArrays of the caller's manager and lets a reader fill their bytes: floats become
 * FLOAT32, integers and booleans keep their type (INT16 becomes INT32, see {@link Widening}).
 * Remembers what it made so a failed read can close it again.
 *
 * <p>On the CPU the file is read straight into the tensor's own memory (an uninitialised
 * {@code torch.empty}, seen through {@code toByteBuffer(true)}): one copy, no zeroing pass, and the
 * memory is freed when the array is closed rather than when Java's GC collects a direct buffer.
 * On other devices the bytes go through a direct buffer that DJL copies to the device.
 */
final class TensorFactory {
    /** Writes exactly {@code target.remaining()} little-endian bytes of one tensor into {@code target}. */
    interface Filler {
        void fill(ByteBuffer target) throws CheckpointException, IOException;
    }

    private final Path file;
    private final NDManager manager;
    private final boolean inPlace;
    private final List<NDArray> made = new ArrayList<>();

    TensorFactory(Path file, NDManager manager) {
        // With DJL's MKLDNN layout switched on, toByteBuffer(true) would hand out a dense copy.
        this(file, manager, Device.cpu().equals(manager.getDevice()) && !Boolean.getBoolean("ai.djl.pytorch.use_mkldnn"));
    }

    /** @param inPlace fill the tensor's memory directly (CPU only); false copies through a buffer */
    TensorFactory(Path file, NDManager manager, boolean inPlace) {
        this.file = file;
        this.manager = manager;
        this.inPlace = inPlace;
    }

    NDArray create(String key, long[] dims, ElementType type, Filler filler) throws CheckpointException, IOException {
        Shape shape = new Shape(dims);
        NDArray array = null;
        try {
            array = filled(shape, type, filler);
            if (type == ElementType.BOOL) {
                array = replace(array, normaliseBooleans(array));
            }
            if (type.isFloat() && array.getDataType() != DataType.FLOAT32) {
                array = replace(array, array.toType(DataType.FLOAT32, false));
            }
        } catch (RuntimeException e) {
            close(array);
            throw new CheckpointException(file, "cannot create tensor '" + Messages.printable(key) + "': " + e.getMessage(), e);
        } catch (CheckpointException | IOException e) {
            close(array);
            throw e;
        }
        array.setName(key);
        made.add(array);
        return array;
    }

    private NDArray filled(Shape shape, ElementType type, Filler filler) throws CheckpointException, IOException {
        long bytes = shape.size() * type.bytes; // checked against the file by the readers
        if (bytes == 0) {
            return manager.zeros(shape, type.isFloat() ? DataType.FLOAT32 : type.djlType);
        }
        if (inPlace && type != ElementType.BF16 && type != ElementType.I16) {
            NDArray array = manager.create(shape, type.djlType); // torch.empty: not zeroed
            try {
                ByteBuffer memory = array.toByteBuffer(true).order(ByteOrder.LITTLE_ENDIAN);
                if (!memory.isDirect() || memory.remaining() != bytes) {
                    throw new IllegalStateException("tensor memory is not a direct buffer of " + bytes + " bytes");
                }
                filler.fill(memory);
                return array;
            } catch (RuntimeException | CheckpointException | IOException e) {
                array.close();
                throw e;
            }
        }
        ByteBuffer raw = Buffers.allocate(bytes);
        filler.fill(raw);
        // DJL wraps a direct buffer without copying on the CPU (the array keeps it alive) and copies
        // it to other devices.
        return manager.create(Widening.widen(raw.rewind(), type), shape, type.djlType);
    }

    private static NDArray replace(NDArray old, NDArray replacement) {
        old.close();
        return replacement;
    }

    private static void close(NDArray array) {
        if (array != null) {
            array.close();
        }
    }

    /** A bool byte other than 0 or 1 is undefined behaviour in PyTorch: map any non-zero byte to true. */
    private static NDArray normaliseBooleans(NDArray array) {
        try (NDArray bytes = array.toType(DataType.UINT8, false)) {
            return bytes.neq(0);
        }
    }

    /** Closes every array made so far (after a failure half-way through a file). */
    void discard() {
        for (NDArray array : made) {
            array.close();
        }
        made.clear();
    }
}
