package org.splitscope.view.variants;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.splitscope.TestSupport;
import org.splitscope.checkpoint.SafetensorsWriter;
import org.splitscope.model.Initialization;
import org.splitscope.model.Metadata;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.train.FashionMnist;
import org.splitscope.train.FashionMnistNetworks;
import org.splitscope.train.Training;

/**
 * A bundled network with random weights, written as the training writes a model (official keys, the
 * metadata that lets it open without flags): the real architecture for the views, in milliseconds
 * instead of a training run.
 */
final class FamilyTestModels {
    private FamilyTestModels() {}

    static Path write(Path dir, String name, long seed) throws IOException {
        ResNeStConfig config = FashionMnistNetworks.find(name).orElseThrow();
        Path file = dir.resolve(name + ".safetensors");
        Files.createDirectories(dir);
        Gson gson = new Gson();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Metadata.NAME, name);
        meta.put(Metadata.CONFIG, gson.toJson(config));
        meta.put(Metadata.PREPROCESSING, gson.toJson(Training.PREPROCESSING));
        meta.put(Metadata.LABELS, gson.toJson(FashionMnist.LABELS));
        try (NDManager manager = TestSupport.manager().newSubManager()) {
            ResNeSt network = new ResNeSt(config);
            Initialization.initialize(network, manager, seed);
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (var p : network.getParameters()) {
                tensors.put(p.getKey(), p.getValue().getArray());
            }
            SafetensorsWriter.write(file, tensors, meta);
        }
        return file;
    }
}
