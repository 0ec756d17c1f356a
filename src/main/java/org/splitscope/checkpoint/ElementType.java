package org.splitscope.checkpoint;

import ai.djl.ndarray.types.DataType;
import java.util.Optional;

/** Element types the readers understand, with their names in safetensors headers and torch pickles. */
enum ElementType {
    F64("F64", "DoubleStorage", DataType.FLOAT64, 8),
    F32("F32", "FloatStorage", DataType.FLOAT32, 4),
    F16("F16", "HalfStorage", DataType.FLOAT16, 2),
    // DJL 0.35's PyTorch engine aborts the JVM on BFLOAT16 and INT16 arrays: these two are widened
    // in Java (see Widening) and reach DJL as FLOAT32 / INT32.
    BF16("BF16", "BFloat16Storage", DataType.FLOAT32, 2),
    I64("I64", "LongStorage", DataType.INT64, 8),
    I32("I32", "IntStorage", DataType.INT32, 4),
    I16("I16", "ShortStorage", DataType.INT32, 2),
    I8("I8", "CharStorage", DataType.INT8, 1),
    U8("U8", "ByteStorage", DataType.UINT8, 1),
    BOOL("BOOL", "BoolStorage", DataType.BOOLEAN, 1);

    final String safetensorsName;
    final String torchStorageName;
    /** The type handed to DJL (after widening for BF16 and I16). */
    final DataType djlType;
    /** Bytes per element in the file. */
    final int bytes;

    ElementType(String safetensorsName, String torchStorageName, DataType djlType, int bytes) {
        this.safetensorsName = safetensorsName;
        this.torchStorageName = torchStorageName;
        this.djlType = djlType;
        this.bytes = bytes;
    }

    boolean isFloat() {
        return this == F64 || this == F32 || this == F16 || this == BF16;
    }

    static Optional<ElementType> fromSafetensors(String name) {
        for (ElementType t : values()) {
            if (t.safetensorsName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** @param name the class name in module {@code torch}, e.g. {@code FloatStorage} */
    static Optional<ElementType> fromTorchStorage(String name) {
        for (ElementType t : values()) {
            if (t.torchStorageName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
