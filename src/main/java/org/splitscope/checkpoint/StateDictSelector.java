package org.splitscope.checkpoint;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the state dict inside an unpickled checkpoint: the top-level dict itself, or the first of
 * {@code state_dict}, {@code model}, {@code state_dict_ema}, {@code model_ema} that holds tensors
 * (training scripts wrap it with epoch, optimizer, ...). Non-tensor values are skipped, and the
 * {@code module.} prefix of DataParallel is dropped when every key has it.
 */
final class StateDictSelector {
    private StateDictSelector() {}

    private static final List<String> WRAPPER_KEYS = List.of("state_dict", "model", "state_dict_ema", "model_ema");
    private static final String DATA_PARALLEL_PREFIX = "module.";

    static Map<String, TensorRef> select(Path file, Object root) throws CheckpointException {
        if (!(root instanceof Map<?, ?> top)) {
            throw new CheckpointException(file, "expected a dict of tensors, found " + Messages.describe(root));
        }
        Map<?, ?> chosen = top;
        for (String key : WRAPPER_KEYS) {
            if (top.get(key) instanceof Map<?, ?> inner && holdsTensors(inner)) {
                chosen = inner;
                break;
            }
        }
        Map<String, TensorRef> tensors = new LinkedHashMap<>();
        chosen.forEach((key, value) -> {
            if (key instanceof String name && value instanceof TensorRef tensor) {
                tensors.put(name, tensor);
            }
        });
        if (tensors.isEmpty()) {
            String keys = top.keySet().stream().limit(10).map(Messages::describe)
                    .collect(Collectors.joining(", "));
            throw new CheckpointException(file, "no tensors found (top-level keys: " + keys + ")");
        }
        return stripDataParallelPrefix(tensors);
    }

    private static boolean holdsTensors(Map<?, ?> map) {
        return map.values().stream().anyMatch(v -> v instanceof TensorRef);
    }

    private static Map<String, TensorRef> stripDataParallelPrefix(Map<String, TensorRef> tensors) {
        if (!tensors.keySet().stream().allMatch(k -> k.startsWith(DATA_PARALLEL_PREFIX))) {
            return tensors;
        }
        Map<String, TensorRef> stripped = new LinkedHashMap<>();
        tensors.forEach((k, v) -> stripped.put(k.substring(DATA_PARALLEL_PREFIX.length()), v));
        return stripped;
    }
}
