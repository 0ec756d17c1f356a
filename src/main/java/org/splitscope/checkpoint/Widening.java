package org.splitscope.checkpoint;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * BF16 to FP32 and I16 to I32 in Java, because DJL 0.35's PyTorch engine aborts the whole JVM
 * ("terminate called without an active exception") when asked for BFLOAT16 or INT16 arrays.
 */
final class Widening {
    private Widening() {}

    /** @return {@code data} itself for types DJL takes as they are, else a new, wider buffer */
    static ByteBuffer widen(ByteBuffer data, ElementType type) {
        if (type != ElementType.BF16 && type != ElementType.I16) {
            return data;
        }
        ShortBuffer in = data.duplicate().order(data.order()).asShortBuffer();
        int n = in.remaining();
        ByteBuffer out = Buffers.allocate(4L * n);
        IntBuffer ints = out.asIntBuffer();
        if (type == ElementType.BF16) {
            // bfloat16 is the upper half of a float32's bits.
            for (int i = 0; i < n; i++) {
                ints.put(i, in.get(i) << 16);
            }
        } else {
            for (int i = 0; i < n; i++) {
                ints.put(i, in.get(i)); // sign-extends
            }
        }
        return out;
    }
}
