package org.splitscope.checkpoint;

/**
 * A tensor as torch pickles it ({@code _rebuild_tensor_v2}): a storage plus offset, sizes and
 * strides in elements. Created only through {@link #of}, which checks that every element it
 * addresses lies inside the declared storage.
 */
record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {

    static TensorRef of(StorageRef storage, long offset, long[] size, long[] stride) {
        if (size.length != stride.length || size.length > Limits.MAX_RANK) {
            throw new PickleRefusal("damaged pickle: tensor with " + size.length + " sizes and " + stride.length + " strides");
        }
        long numel = Shapes.numel(size);
        if (offset < 0 || numel < 0) {
            throw new PickleRefusal("tensor with invalid offset " + offset + " or size " + Shapes.format(size));
        }
        if (numel > 0) {
            // The highest element index the view touches must lie inside the storage.
            long last = offset;
            try {
                for (int d = 0; d < size.length; d++) {
                    if (stride[d] < 0) {
                        throw new PickleRefusal("tensor with negative stride " + Shapes.format(stride));
                    }
                    last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
                }
            } catch (ArithmeticException e) {
                last = Long.MAX_VALUE;
            }
            if (last >= storage.numel()) {
                throw new PickleRefusal("tensor of size " + Shapes.format(size) + " at offset " + offset
                        + " reaches past storage " + Messages.printable(storage.key()) + " of "
                        + storage.numel() + " elements");
            }
        }
        if (Shapes.bytes(numel, storage.type()) > Limits.MAX_TENSOR_BYTES) {
            throw new PickleRefusal("tensor of size " + Shapes.format(size) + " is larger than 2 GB, which is not supported");
        }
        return new TensorRef(storage, offset, size.clone(), stride.clone());
    }

    long numel() {
        return Shapes.numel(size);
    }

    boolean isContiguous() {
        return Shapes.isContiguous(size, stride);
    }

    /** The common case: the tensor is its whole storage, so the storage bytes are the tensor bytes. */
    boolean coversStorage() {
        return offset == 0 && isContiguous() && numel() == storage.numel();
    }
}
