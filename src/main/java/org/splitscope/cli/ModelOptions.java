package org.splitscope.cli;

import java.nio.file.Path;
import org.splitscope.SplitScopeException;
import org.splitscope.runtime.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.bundled.BundledModels;
import org.splitscope.hub.Downloader;
import org.splitscope.hub.HubEnvironment;
import org.splitscope.hub.Pretrained;
import org.splitscope.io.Printable;
import picocli.CommandLine.Option;

/** How a command picks its model: shared by capture, figure and info (bench has its own: random weights by preset). */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "FILE|NAME",
            description = "Checkpoint: safetensors, PyTorch .pth/.bin (zip or legacy), DJL .params; a bundled model's "
                    + "name (fmnist-2s1x64d …); or pretrained weights, hf:REPO[@REV] (hf:timm/resnest50d.in1k) or "
                    + "official:NAME (official:resnest50), downloaded once into the usual caches. "
                    + "Default: the bundled default model.")
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
        Path file;
        String chosenPreset = preset;
        if (model != null && Pretrained.isName(model.toString()) && !java.nio.file.Files.exists(model)) {
            // hf:timm/resnest50d.in1k, official:resnest50: from the cache, or downloaded once
            Pretrained.Resolved r = download(model.toString());
            file = r.file();
            chosenPreset = preset != null ? preset : r.preset();
        } else {
            file = model != null ? BundledModels.resolve(model) : BundledModels.defaultModel();
        }
        ModelLoader.requireFile(file);
        return ModelLoader.load(new ModelLoader.Request(file, chosenPreset, avdFirst, labels,
                Engines.device(device)));
    }

    static Pretrained.Resolved download(String name) throws SplitScopeException {
        TerminalProgress progress = new TerminalProgress(Printable.clean(name));
        try {
            return Pretrained.resolve(name, HubEnvironment.fromSystem(), new Downloader(), progress);
        } finally {
            progress.done();
        }
    }
}
