package org.splitscope.checkpoint;

/**
 * Upper bounds that keep a hostile or broken file from making the readers allocate more than the
 * file justifies. Real checkpoints stay far below each of them.
 */
final class Limits {
    private Limits() {}

    /** The safetensors specification caps the JSON header at 100 MB. */
    static final long MAX_SAFETENSORS_HEADER = 100L * 1024 * 1024;

    /** All pickles of one file together; a ResNeSt-269 state dict pickle is about 100 KB. */
    static final long MAX_PICKLE_BYTES = 64L * 1024 * 1024;

    /**
     * Pickle opcodes executed per file. Each may create one small Java object, so this caps the heap
     * a pickle can claim (about 25 opcodes per tensor: room for 150,000 tensors).
     */
    static final long MAX_PICKLE_OPS = 4_000_000;

    /** A text-mode LONG is parsed by BigInteger, which is quadratic in the digit count. */
    static final int MAX_PICKLE_LINE = 4096;

    /** Module and class names of GLOBAL opcodes. */
    static final int MAX_GLOBAL_NAME = 256;

    /** PyTorch allows at most 64 dimensions. */
    static final int MAX_RANK = 64;

    /** One tensor lives in one direct ByteBuffer, whose capacity is an int. */
    static final long MAX_TENSOR_BYTES = Integer.MAX_VALUE - 64;

    /** Deflate cannot expand more than about 1032:1; a compressed entry claiming more is lying. */
    static final long MAX_DEFLATE_RATIO = 1100;
}
