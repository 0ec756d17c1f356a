package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.view.cam.CamMethod;
import org.splitscope.view.cam.CamResult;
import org.splitscope.view.cam.CamService;
import org.splitscope.view.cam.CamWriter;
import org.splitscope.view.cam.ClassChoice;
import org.splitscope.batch.BatchRun;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.io.Printable;
import org.splitscope.render.Colormap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cam", description = "Class activation maps (Grad-CAM, Grad-CAM++, LayerCAM) at a bottleneck's output "
        + "or its split-attention output V.")
final class CamCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE|DIR",
            description = "Images, folders of images, or float32 .npy [N,C,H,W] already preprocessed (as for capture).")
    List<Path> inputs;

    @Option(names = "--block", required = true, paramLabel = "BLOCK",
            description = "layer3.0: the bottleneck's output (after the residual add and ReLU); layer3.0.conv2: its "
                    + "split-attention output V.")
    String block;

    @Option(names = "--class", defaultValue = "top", paramLabel = "top|N|LABEL",
            description = "The logit explained: each image's top class, a class index, or a class name "
                    + "(case and punctuation ignored). Default: ${DEFAULT-VALUE}.")
    String classChoice;

    @Option(names = "--method", defaultValue = "gradcam", paramLabel = "M",
            description = "gradcam, gradcampp or layercam (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--colormap", defaultValue = "viridis", paramLabel = "NAME",
            description = "Of the overlays: viridis, magma, coolwarm or RdBu (default: ${DEFAULT-VALUE}).")
    String colormap;

    @Option(names = "--batch", defaultValue = "8", paramLabel = "N", description = "Images per pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where cam.npz, cam.json and the overlays <image>-cam.png go.")
    Path out;

    @Override
    public Integer call() throws SplitScopeException {
        if (batch < 1) {
            throw new SplitScopeException("--batch must be at least 1");
        }
        CamMethod camMethod = CamMethod.parse(method);
        Colormap overlayColors;
        try {
            overlayColors = FigureCommand.colormap(colormap);
        } catch (IllegalArgumentException e) {
            throw new SplitScopeException("--colormap: " + e.getMessage());
        }
        List<Path> files = Samples.expand(inputs);
        try (BatchProgress progress = BatchProgress.start("cam", "inputs"); LoadedModel model = modelOptions.load()) {
            // Everything the user chose is checked before a file or folder is made.
            CamService.target(model, block);
            ClassChoice choice = ClassChoice.parse(classChoice, model.labels());
            try (BatchRun run = BatchRun.lock(out, "cam")) {
                run(run, model, files, choice, camMethod, overlayColors, progress);
            }
        } catch (BatchRun.Stopped stopped) {
            return SplitScopeCli.INTERRUPTED; // the interrupt hook says it, once the writer has discarded its files
        }
        return 0;
    }

    private void run(BatchRun run, LoadedModel model, List<Path> files, ClassChoice choice, CamMethod camMethod,
            Colormap colors, BatchProgress progress) throws SplitScopeException {
        long start = System.nanoTime();
        run.removeStaleParts(CamWriter::removeStaleParts, "run");
        // Batches go to the writer's scratch files as they complete: memory stays flat however many images.
        try (CamWriter writer = CamWriter.open(out)) {
            run.each(model, BatchRun.unlabelled(files), new BatchRun.Options("cam", batch, false, false, "input"), progress,
                    (samples, items) -> flush(model, samples, writer, choice, camMethod, colors, progress));
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("load", model.loadMs());
            timings.put("total", (System.nanoTime() - start) / 1e6);
            writer.finish(model, choice, timings);
            progress.beforeOutput();
            System.out.printf("%d map(s) of %s at %s → %s%n", writer.images(), camMethod.displayName(), block,
                    out.resolve(CamWriter.NPZ));
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot write the maps (" + e.getMessage() + ")", e);
        }
    }

    /** One pass over a batch: maps to the writer, each input's explained class printed. */
    private void flush(LoadedModel model, List<Sample> samples, CamWriter writer, ClassChoice choice, CamMethod camMethod,
            Colormap colors, BatchProgress progress) throws SplitScopeException, IOException {
        CamResult result = CamService.compute(model, samples, block, choice, camMethod);
        writer.add(model, result, samples, colors);
        progress.beforeOutput();
        for (int i = 0; i < samples.size(); i++) {
            CamResult.Explained c = result.classes().get(i);
            System.out.printf("%s\t%d\t%s\t%.4f%n", Printable.clean(samples.get(i).source()), c.index(),
                    Printable.clean(c.label()), c.logit());
        }
    }
}
