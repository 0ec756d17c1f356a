package org.splitscope.checkpoint;

import java.util.Arrays;

/** Overflow-safe size arithmetic for shapes read from untrusted files. */
final class Shapes {
    private Shapes() {}

    /** Element count, or -1 if it does not fit a long (a hostile shape). Dimensions must be >= 0. */
    static long numel(long[] dims) {
        long n = 1;
        for (long d : dims) {
            if (d < 0) {
                return -1;
            }
            if (d != 0 && n > Long.MAX_VALUE / d) {
                // Still 0 if a later dimension is 0, but no real checkpoint is that odd.
                return -1;
            }
            n *= d;
        }
        return n;
    }

    /** Byte size of {@code numel} elements, or -1 on overflow. */
    static long bytes(long numel, ElementType type) {
        if (numel < 0 || numel > Long.MAX_VALUE / type.bytes) {
            return -1;
        }
        return numel * type.bytes;
    }

    /** True if the strides are the row-major strides of the sizes (size-1 dimensions ignored). */
    static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    static String format(long[] dims) {
        return Arrays.toString(dims);
    }
}
