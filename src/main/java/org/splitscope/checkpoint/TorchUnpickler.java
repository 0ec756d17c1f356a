package org.splitscope.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.Unpickler;

/**
 * razorvine's unpickler with the opcodes that could do harm or lose information taken over:
 *
 * <ul>
 *   <li>GLOBAL, STACK_GLOBAL, INST resolve names through {@link TorchGlobals} only: an unlisted
 *       global is refused at the opcode, before razorvine would build a ClassDict for it;
 *   <li>dicts are LinkedHashMaps filled in file order (razorvine's SETITEMS goes through a HashMap),
 *       and dict/set keys must be plain values, whose hashCode cannot recurse;
 *   <li>BUILD (razorvine calls {@code __setstate__} by reflection) only accepts the state torch
 *       puts on an OrderedDict ({@code _metadata}) and ignores it;
 *   <li>every length prefix is checked against the bytes left before razorvine allocates for it,
 *       and the opcode count is capped ({@link Limits}).
 * </ul>
 *
 * Nothing here recurses, so deeply nested pickles cannot overflow the Java stack.
 */
final class TorchUnpickler extends Unpickler {
    private final PickleInput in;
    private final StorageTable storages;
    private long ops;

    /** @param storages resolves persistent ids; null for the pickles that may not have any */
    TorchUnpickler(PickleInput in, StorageTable storages) {
        this.in = in;
        this.storages = storages;
    }

    /** Reads one pickle (up to its STOP opcode) from the input. */
    Object load() throws IOException {
        return load(in);
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        if (++ops > Limits.MAX_PICKLE_OPS) {
            throw new PickleRefusal("pickle has more than " + Limits.MAX_PICKLE_OPS + " opcodes");
        }
        switch (key) {
            case Opcodes.GLOBAL -> stack.add(TorchGlobals.resolve(readName(), readName()));
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw new PickleRefusal("damaged pickle: STACK_GLOBAL without module and name strings");
                }
                stack.add(TorchGlobals.resolve(m, n));
            }
            case Opcodes.INST -> {
                IObjectConstructor constructor = TorchGlobals.resolve(readName(), readName());
                stack.add(constructor.construct(stack.pop_all_since_marker().toArray()));
            }
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.DICT -> {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putPairs(dict, stack.pop_all_since_marker());
                stack.add(dict);
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object k = stack.pop();
                targetDict().put(checkKey(k), value);
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                putPairs(targetDict(), items);
            }
            case Opcodes.ADDITEMS, Opcodes.FROZENSET -> addItems(key);
            case Opcodes.BUILD -> build();
            case Opcodes.BINSTRING, Opcodes.BINBYTES, Opcodes.BINUNICODE, Opcodes.LONG4 -> {
                checkLength(4);
                return super.dispatch(key);
            }
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> {
                checkLength(8);
                return super.dispatch(key);
            }
            case Opcodes.LONG -> {
                checkLineLength();
                return super.dispatch(key);
            }
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (storages == null) {
            throw new PickleRefusal("damaged pickle: unexpected persistent id");
        }
        return storages.load(pid);
    }

    /** Dict keys and set items: values with a flat hashCode (tuples hash by identity in Java). */
    static Object checkKey(Object key) {
        if (key == null || key instanceof String || key instanceof Integer || key instanceof Long
                || key instanceof BigInteger || key instanceof Double || key instanceof Boolean
                || key instanceof Object[]) {
            return key;
        }
        throw new PickleRefusal("damaged pickle: unsupported dict key of type " + key.getClass().getSimpleName());
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> targetDict() {
        if (!(stack.peek() instanceof Map<?, ?> dict)) {
            throw new PickleRefusal("damaged pickle: SETITEM on something that is not a dict");
        }
        return (Map<Object, Object>) dict;
    }

    private static void putPairs(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw new PickleRefusal("damaged pickle: dict items do not pair up");
        }
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(checkKey(items.get(i)), items.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private void addItems(short key) {
        List<Object> items = stack.pop_all_since_marker();
        items.forEach(TorchUnpickler::checkKey);
        if (key == Opcodes.FROZENSET) {
            stack.add(new HashSet<>(items));
        } else if (stack.peek() instanceof Set<?> set) {
            ((Set<Object>) set).addAll(items);
        } else {
            throw new PickleRefusal("damaged pickle: ADDITEMS on something that is not a set");
        }
    }

    /** torch's state dicts carry {@code _metadata} (module versions) as OrderedDict state: ignored. */
    private void build() {
        Object state = stack.pop();
        Object target = stack.peek();
        if (!(target instanceof Map<?, ?>) || !(state == null || state instanceof Map<?, ?>)) {
            throw new PickleRefusal("damaged pickle: BUILD on an object that is not a dict");
        }
    }

    /** A GLOBAL/INST name line, read here so its length is bounded. */
    private String readName() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("premature end of file");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= Limits.MAX_GLOBAL_NAME) {
                throw new PickleRefusal("damaged pickle: global name longer than " + Limits.MAX_GLOBAL_NAME + " bytes");
            }
            line.write(b);
        }
    }

    /** Peeks at a little-endian length prefix; refuses lengths beyond the bytes left. */
    private void checkLength(int width) throws IOException {
        in.mark(width);
        long length = 0;
        for (int i = 0; i < width; i++) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("premature end of file");
            }
            length |= (long) b << (8 * i);
        }
        in.reset();
        // Unsigned: a 4-byte length is read as a signed int by razorvine, an 8-byte one may be < 0.
        if (length < 0 || length > in.remaining() - width) {
            throw new PickleRefusal("damaged pickle: a value of " + Long.toUnsignedString(length)
                    + " bytes is declared, only " + Math.max(0, in.remaining() - width) + " left");
        }
    }

    private void checkLineLength() throws IOException {
        in.mark(Limits.MAX_PICKLE_LINE + 1);
        for (int i = 0; i <= Limits.MAX_PICKLE_LINE; i++) {
            int b = in.read();
            if (b < 0 || b == '\n') {
                in.reset();
                return;
            }
        }
        throw new PickleRefusal("damaged pickle: text number longer than " + Limits.MAX_PICKLE_LINE + " digits");
    }
}
