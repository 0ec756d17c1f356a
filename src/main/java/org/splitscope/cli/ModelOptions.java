package org.splitscope.cli;

import java.nio.file.Path;
import org.splitscope.SplitScopeException;
import org.splitscope.engine.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.bundled.BundledModels;
import picocli.CommandLine.Option;

/** How a command picks its model: shared by capture, figure and info (bench has its own: random weights by preset). */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "FILE|NAME",
            description = "Checkpoint: safetensors, PyTorch .pth/.bin (zip or legacy), DJL .params; or a bundled model's "
                    + "name (fmnist-2s1x64d …). Default: the bundled default model.")
    Path model;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Architecture and preprocessing of a published variant (see 'info --presets'); checked against the weights.")
    String preset;

    @Option(names = "--avd-first", description = "The avd pool goes before the split-attention conv (cannot be seen in the weights).")
    boolean avdFirst;

    @Option(names = "--labels", paramLabel = "FILE", description = "Class names, one per line.")
    Path labels;

    @Option(names = "--device", paramLabel = "D", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    LoadedModel load() throws SplitScopeException {
        Path file = model != null ? BundledModels.resolve(model) : BundledModels.defaultModel();
        ModelLoader.requireFile(file);
        return ModelLoader.load(new ModelLoader.Request(file, preset, avdFirst, labels, Engines.device(device)));
    }
}
