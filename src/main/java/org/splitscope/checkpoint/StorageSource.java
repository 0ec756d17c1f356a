package org.splitscope.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a torch container keeps its storages' bytes (zip entries, or the legacy data section). */
interface StorageSource {
    /** Checks the container holds exactly {@code storage.bytes()} bytes for it; call before allocating. */
    void check(StorageRef storage) throws CheckpointException, IOException;

    /** Fills {@code target} (exactly {@code storage.bytes()} remaining) with the storage's bytes. */
    void readInto(StorageRef storage, ByteBuffer target) throws CheckpointException, IOException;
}
