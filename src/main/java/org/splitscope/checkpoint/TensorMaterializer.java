package org.splitscope.checkpoint;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Makes NDArrays of the chosen tensors. Each storage is read once; a tensor that is its whole
 * storage (nearly all of them) takes the storage buffer as it is, other views are copied out. The
 * copies are charged to a budget of the file size, so views cannot multiply a small file's data.
 */
final class TensorMaterializer {
    private final Path file;
    private final StorageSource source;
    private final TensorFactory factory;
    private long copyBudget;

    TensorMaterializer(Path file, StorageSource source, TensorFactory factory, long fileSize) {
        this.file = file;
        this.source = source;
        this.factory = factory;
        this.copyBudget = fileSize;
    }

    Map<String, NDArray> build(Map<String, TensorRef> tensors) throws CheckpointException, IOException {
        Map<String, ByteBuffer> storages = new HashMap<>();
        Set<String> handedOut = new HashSet<>();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, TensorRef> entry : tensors.entrySet()) {
            TensorRef tensor = entry.getValue();
            StorageRef storage = tensor.storage();
            ByteBuffer bytes = storages.get(storage.key());
            if (bytes == null) {
                bytes = source.read(storage);
                storages.put(storage.key(), bytes);
            }
            ByteBuffer data;
            if (tensor.coversStorage() && handedOut.add(storage.key())) {
                data = bytes; // no copy; later views of this storage still copy from it
            } else {
                long needed = tensor.numel() * storage.type().bytes;
                if (needed > copyBudget) {
                    throw new CheckpointException(file, "tensor views need more memory than the file holds ("
                            + entry.getKey() + ")");
                }
                copyBudget -= needed;
                data = StridedCopy.copy(bytes, tensor);
            }
            arrays.put(entry.getKey(), factory.create(entry.getKey(), data, tensor.size(), storage.type()));
        }
        return arrays;
    }
}
