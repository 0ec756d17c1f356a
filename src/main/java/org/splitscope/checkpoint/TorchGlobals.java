package org.splitscope.checkpoint;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.razorvine.pickle.IObjectConstructor;

/**
 * The allow-list: the only Python globals a state-dict pickle may name, each mapped to a
 * constructor that builds a plain Java value. Everything else is refused before anything is built.
 *
 * <p>These constructors are handed to the unpickler directly and never registered in razorvine's
 * static registry, so other razorvine users in the process are unaffected and nothing here can be
 * reached through it.
 */
final class TorchGlobals {
    private TorchGlobals() {}

    /** {@code torch.FloatStorage} etc.: only meaningful inside a persistent id, never called. */
    record StorageType(ElementType type) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleRefusal("damaged pickle: torch." + type.torchStorageName + " called as a function");
        }
    }

    static IObjectConstructor resolve(String module, String name) {
        String qualified = module + "." + name;
        switch (qualified) {
            case "collections.OrderedDict":
                return TorchGlobals::orderedDict;
            case "torch._utils._rebuild_tensor_v2":
                return TorchGlobals::rebuildTensor;
            case "torch._utils._rebuild_parameter":
            case "torch._utils._rebuild_parameter_with_state":
                // A Parameter is its data tensor; requires_grad, hooks and state do not matter here.
                return args -> arg(args, 0, TensorRef.class, "parameter data (not a tensor)");
            case "torch.device":
                return args -> args.length > 0 ? String.valueOf(args[0]) : "cpu";
            default:
                break;
        }
        if (module.equals("torch")) {
            Optional<ElementType> storage = ElementType.fromTorchStorage(name);
            if (storage.isPresent()) {
                return new StorageType(storage.get());
            }
        }
        throw new PickleRefusal("refuses to load " + Messages.printable(qualified) + ": not part of a state dict"
                + " (a training checkpoint? save only its weights: torch.save(ckpt['state_dict'], 'weights.pth'))");
    }

    /** OrderedDict() then SETITEMS (how pickle writes it), or OrderedDict([[k, v], ...]). */
    private static Object orderedDict(Object[] args) {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (args.length == 1 && args[0] instanceof List<?> pairs) {
            for (Object pair : pairs) {
                Object[] kv = pair instanceof List<?> l ? l.toArray() : pair instanceof Object[] a ? a : null;
                if (kv == null || kv.length != 2) {
                    throw new PickleRefusal("damaged pickle: OrderedDict item is not a pair");
                }
                map.put(TorchUnpickler.checkKey(kv[0]), kv[1]);
            }
        } else if (args.length != 0) {
            throw new PickleRefusal("damaged pickle: OrderedDict with " + args.length + " arguments");
        }
        return map;
    }

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])}. */
    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4 || args.length > 7) {
            throw new PickleRefusal("damaged pickle: _rebuild_tensor_v2 with " + args.length + " arguments");
        }
        StorageRef storage = arg(args, 0, StorageRef.class, "tensor storage (not a storage)");
        long offset = asLong(args[1]);
        long[] size = asLongs(arg(args, 2, Object[].class, "tensor size (not a tuple)"));
        long[] stride = asLongs(arg(args, 3, Object[].class, "tensor stride (not a tuple)"));
        return TensorRef.of(storage, offset, size, stride);
    }

    /** @param what names the argument and what it should be, e.g. "tensor size (a tuple)" */
    private static <T> T arg(Object[] args, int index, Class<T> type, String what) {
        if (index >= args.length || !type.isInstance(args[index])) {
            throw new PickleRefusal("damaged pickle: unexpected " + what);
        }
        return type.cast(args[index]);
    }

    static long asLong(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        throw new PickleRefusal("damaged pickle: expected an integer");
    }

    private static long[] asLongs(Object[] values) {
        if (values.length > Limits.MAX_RANK) {
            throw new PickleRefusal("damaged pickle: tensor with " + values.length + " dimensions");
        }
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = asLong(values[i]);
        }
        return out;
    }
}
