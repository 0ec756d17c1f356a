package org.splitscope.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.splitscope.input.Preprocessing;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;

/**
 * A network with its weights on a device, ready for inference (batch norm folded), plus what is
 * needed to feed it and read its output. Owns the manager that holds the weights.
 *
 * @param name preset name, model-card name or file name
 * @param file the checkpoint, or null for random weights
 * @param preset the preset the config came from, or null
 * @param origins where the architecture, avd placement, preprocessing and labels came from
 */
public record LoadedModel(
        String name,
        Path file,
        String preset,
        Origins origins,
        ResNeSt network,
        Preprocessing preprocessing,
        List<String> labels,
        Device device,
        NDManager manager,
        double loadMs) implements AutoCloseable {

    /** Where the architecture came from: "preset NAME", "file metadata" or "read off the weights". */
    public String configSource() {
        return origins.architecture();
    }

    public ResNeStConfig config() {
        return network.config();
    }

    /** SHA-256 of the checkpoint file (computed on request: it reads the whole file). */
    public String sha256() throws IOException {
        return file == null ? null : org.splitscope.io.Sha256.of(file);
    }

    @Override
    public void close() {
        manager.close();
    }
}
