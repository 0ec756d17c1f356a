package org.splitscope.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a torch container keeps its storages' bytes (zip entries, or the legacy data section). */
interface StorageSource {
    /**
     * @return a direct little-endian buffer at position 0 with exactly {@code storage.bytes()} bytes,
     *     after checking the container really holds that many
     */
    ByteBuffer read(StorageRef storage) throws CheckpointException, IOException;
}
