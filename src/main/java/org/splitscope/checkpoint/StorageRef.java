package org.splitscope.checkpoint;

/**
 * A torch storage named by a pickle's persistent id: its record key (zip entry {@code data/<key>}
 * or legacy storage key), element type and declared element count. The bytes are read only for
 * storages a chosen tensor uses, and their real size is checked against {@code numel} then.
 */
record StorageRef(String key, ElementType type, long numel) {
    long bytes() {
        return Shapes.bytes(numel, type);
    }
}
