package org.splitscope.checkpoint;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes NDArrays of the chosen tensors. A tensor that is the whole of a storage no other tensor
 * uses (nearly all of them) is read straight into its array. Storages shared by several tensors,
 * or only partly used, are read once into a scratch buffer and each view is copied out; those
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
        Map<String, Integer> users = new HashMap<>();
        tensors.values().forEach(t -> users.merge(t.storage().key(), 1, Integer::sum));
        Map<String, ByteBuffer> shared = new HashMap<>();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, TensorRef> entry : tensors.entrySet()) {
            String key = entry.getKey();
            TensorRef tensor = entry.getValue();
            StorageRef storage = tensor.storage();
            source.check(storage); // before anything is allocated for it
            TensorFactory.Filler filler;
            if (tensor.coversStorage() && users.get(storage.key()) == 1) {
                filler = target -> source.readInto(storage, target);
            } else {
                long bytes = tensor.numel() * storage.type().bytes;
                if (bytes > copyBudget) {
                    throw new CheckpointException(file, "tensor views need more memory than the file holds ("
                            + Messages.printable(key) + ")");
                }
                copyBudget -= bytes;
                ByteBuffer storageBytes = shared.get(storage.key());
                if (storageBytes == null) {
                    storageBytes = Buffers.allocate(storage.bytes());
                    source.readInto(storage, storageBytes);
                    shared.put(storage.key(), storageBytes);
                }
                ByteBuffer from = storageBytes;
                filler = target -> StridedCopy.copy(from, tensor, target);
            }
            arrays.put(key, factory.create(key, tensor.size(), storage.type(), filler));
        }
        return arrays;
    }
}
