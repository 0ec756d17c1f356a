package org.splitscope.checkpoint;

import java.nio.ByteBuffer;

/** Copies a (possibly non-contiguous) view out of its storage into a fresh row-major buffer. */
final class StridedCopy {
    private StridedCopy() {}

    static ByteBuffer copy(ByteBuffer storage, TensorRef tensor) {
        int elem = tensor.storage().type().bytes;
        long[] size = tensor.size();
        long[] stride = tensor.stride();
        long numel = tensor.numel();
        ByteBuffer out = Buffers.allocate(numel * elem);
        if (numel == 0) {
            return out;
        }
        if (tensor.isContiguous()) {
            out.put(0, storage, (int) (tensor.offset() * elem), (int) (numel * elem));
            return out;
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
            out.put(written, storage, (int) (source * elem), runBytes);
            written += runBytes;
            for (int d = outer - 1; d >= 0 && ++index[d] == size[d]; d--) {
                index[d] = 0;
            }
        }
        return out;
    }
}
