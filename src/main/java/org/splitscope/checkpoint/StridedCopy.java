package org.splitscope.checkpoint;

import java.nio.ByteBuffer;

/** Copies a (possibly non-contiguous) view out of its storage into row-major tensor memory. */
final class StridedCopy {
    private StridedCopy() {}

    /** @param target exactly the view's bytes remaining, from position 0 */
    static void copy(ByteBuffer storage, TensorRef tensor, ByteBuffer target) {
        int elem = tensor.storage().type().bytes;
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long numel = tensor.numel();
        if (numel == 0) {
            return;
        }
        if (tensor.isContiguous()) {
            target.put(0, storage, (int) (tensor.offset() * elem), (int) (numel * elem));
            return;
        }
        // Walk the outer dimensions like an odometer; the innermost one is copied as a run when it
        // has stride 1 (e.g. a row slice), else element by element (e.g. a transpose).
        int rank = size.length;
        boolean innerRun = stride[rank - 1] == 1;
        int outer = innerRun ? rank - 1 : rank;
        long runLength = innerRun ? size[rank - 1] : 1;
        int runBytes = (int) (runLength * elem);
        long[] index = new long[outer];
        int written = 0;
        for (long run = 0, runs = numel / runLength; run < runs; run++) {
            long source = tensor.offset();
            for (int d = 0; d < outer; d++) {
                source += index[d] * stride[d];
            }
            target.put(written, storage, (int) (source * elem), runBytes);
            written += runBytes;
            for (int d = outer - 1; d >= 0 && ++index[d] == size[d]; d--) {
                index[d] = 0;
            }
        }
    }
}
