package org.splitscope.input;

import java.util.Arrays;

/** A float32 array read from a {@code .npy} file: its shape and its values in C (row-major) order. */
public record NpyTensor(long[] shape, float[] data) {
    public NpyTensor {
        shape = shape.clone();
        if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyTensor" + Arrays.toString(shape);
    }
}
