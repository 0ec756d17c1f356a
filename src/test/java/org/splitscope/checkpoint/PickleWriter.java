package org.splitscope.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcodes by hand, for checkpoints torch would never write. */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleWriter op(int... opcodes) {
        for (int opcode : opcodes) {
            out.write(opcode);
        }
        return this;
    }

    PickleWriter proto() {
        return op(0x80, 2);
    }

    /** GLOBAL: {@code c module\nname\n}. */
    PickleWriter global(String module, String name) {
        op('c');
        return raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** BINUNICODE. */
    PickleWriter str(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        op('X');
        littleEndian(utf8.length, 4);
        return raw(utf8);
    }

    /** LONG1 with 8 bytes: any long. */
    PickleWriter integer(long value) {
        op(0x8a, 8);
        return littleEndian(value, 8);
    }

    PickleWriter littleEndian(long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    PickleWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A tuple of integers: MARK ints TUPLE. */
    PickleWriter ints(long... values) {
        op('(');
        for (long v : values) {
            integer(v);
        }
        return op('t');
    }

    /** {@code _rebuild_tensor_v2(storage '0', offset, size, stride, False, OrderedDict())}, left on the stack. */
    PickleWriter tensor(String storageType, long numel, long offset, long[] size, long[] stride) {
        return tensor(storageType, "0", numel, offset, size, stride);
    }

    PickleWriter tensor(String storageType, String key, long numel, long offset, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").op('(');
        op('(').str("storage").global("torch", storageType).str(key).str("cpu").integer(numel).op('t', 'Q');
        integer(offset).ints(size).ints(stride).op(0x89);
        global("collections", "OrderedDict").op(')', 'R');
        return op('t', 'R');
    }

    /** A whole data.pkl: {@code OrderedDict(w=tensor)}. */
    static byte[] stateDict(String storageType, long numel, long offset, long[] size, long[] stride) {
        return new PickleWriter().proto().global("collections", "OrderedDict").op(')', 'R')
                .str("w").tensor(storageType, numel, offset, size, stride).op('s', '.').bytes();
    }

    /** The first three pickles of the legacy format: magic number, protocol 1001, little-endian sys info. */
    static PickleWriter legacyHeader() {
        PickleWriter w = new PickleWriter();
        w.proto().op(0x8a, 10).raw(new byte[] {0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19}).op('.');
        w.proto().op('M').littleEndian(1001, 2).op('.');
        return w.proto().op('}').str("little_endian").op(0x88, 's', '.');
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
