package org.splitscope.checkpoint;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import java.util.Map;

/**
 * Tensors of a checkpoint by their PyTorch state-dict key ({@code layer2.0.conv2.fc1.weight}), in
 * file order, as float32 arrays owned by the manager the reader was given; plus string metadata
 * (safetensors {@code __metadata__}, DJL model properties; empty for pickles).
 */
public record StateDict(Path source, Map<String, NDArray> tensors, Map<String, String> metadata) {}
