package org.splitscope.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns checked raw bytes into NDArrays of the caller's manager: floats become FLOAT32, integers
 * and booleans keep their type. Remembers what it made so a failed read can close it again.
 */
final class TensorFactory {
    private final Path file;
    private final NDManager manager;
    private final List<NDArray> made = new ArrayList<>();

    TensorFactory(Path file, NDManager manager) {
        this.file = file;
        this.manager = manager;
    }

    /**
     * @param data a direct buffer at position 0 holding exactly the tensor's little-endian bytes;
     *     DJL wraps it without copying (the array keeps the buffer alive), so it must not be reused
     */
    NDArray create(String key, ByteBuffer data, long[] dims, ElementType type) throws CheckpointException {
        Shape shape = new Shape(dims);
        ByteBuffer bytes = Widening.widen(data, type);
        try {
            NDArray raw = shape.size() == 0 ? manager.zeros(shape, type.djlType) : manager.create(bytes, shape, type.djlType);
            NDArray array = raw;
            if (raw.getDataType() != DataType.FLOAT32 && type.isFloat()) {
                array = raw.toType(DataType.FLOAT32, false);
                raw.close();
            }
            array.setName(key);
            made.add(array);
            return array;
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "cannot create tensor '" + key + "': " + e.getMessage(), e);
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
