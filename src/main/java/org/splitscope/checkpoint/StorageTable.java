package org.splitscope.checkpoint;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves the persistent ids of a torch pickle to {@link StorageRef}s, one per storage key:
 * zip format {@code ('storage', type, key, location, numel)}, legacy format with a sixth element,
 * the view metadata (always None since PyTorch 0.4; older storage views are not supported).
 */
final class StorageTable {
    private final Map<String, StorageRef> byKey = new LinkedHashMap<>();

    Object load(Object pid) {
        if (!(pid instanceof Object[] id) || id.length < 5 || id.length > 6 || !"storage".equals(id[0])) {
            throw new PickleRefusal("damaged pickle: unexpected persistent id (not a torch storage)");
        }
        if (!(id[1] instanceof TorchGlobals.StorageType storageType)) {
            throw new PickleRefusal("damaged pickle: storage without a torch storage type");
        }
        if (!(id[2] instanceof String key) || !isPlainKey(key)) {
            throw new PickleRefusal("damaged pickle: storage key is not a plain name");
        }
        long numel = TorchGlobals.asLong(id[4]);
        if (numel < 0 || Shapes.bytes(numel, storageType.type()) < 0) {
            throw new PickleRefusal("damaged pickle: storage " + key + " has " + numel + " elements");
        }
        if (id.length == 6 && id[5] != null) {
            throw new PickleRefusal("storage views of PyTorch before 0.4 are not supported; re-save the checkpoint");
        }
        StorageRef ref = new StorageRef(key, storageType.type(), numel);
        StorageRef earlier = byKey.putIfAbsent(key, ref);
        if (earlier != null && !earlier.equals(ref)) {
            throw new PickleRefusal("storage " + key + " is declared twice with different types or sizes");
        }
        return earlier != null ? earlier : ref;
    }

    StorageRef get(String key) {
        return byKey.get(key);
    }

    Collection<StorageRef> all() {
        return byKey.values();
    }

    /** Keys are small decimal numbers in practice; anything path-like is refused. */
    private static boolean isPlainKey(String key) {
        if (key.isEmpty() || key.length() > 64) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }
}
