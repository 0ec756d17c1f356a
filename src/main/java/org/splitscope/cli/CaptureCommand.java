package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.CaptureExport;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.capture.CaptureWriter;
import org.splitscope.capture.Intervention;
import org.splitscope.capture.Interventions;
import org.splitscope.capture.Prediction;
import org.splitscope.batch.BatchRun;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.io.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "capture", description = "Run images through the network and save every split-attention block's attention and GAP.")
final class CaptureCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE|DIR",
            description = "Images (PNG, JPEG, BMP, GIF, TIFF, WebP), folders of images, or float32 .npy [N,C,H,W] already preprocessed.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where capture.npz and capture.json go.")
    Path out;

    @Option(names = "--batch", defaultValue = "8", paramLabel = "N", description = "Images per forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--splits", split = ",", paramLabel = "BLOCK",
            description = "Also save these blocks' per-split maps U_r [N,R,C,H,W] and fused output V [N,C,H,W] (large), e.g. layer3.4.")
    Set<String> splitBlocks = Set.of();

    @Option(names = "--intervene", paramLabel = "BLOCK=MODE",
            description = "Force a block's attention before the weighted sum (repeatable; BLOCK may be all): uniform "
                    + "(every weight 1/R), onehot:R (split R only) or scale:R:F (split R's weights × F), "
                    + "e.g. layer2.0=uniform.")
    List<String> intervene = List.of();

    @Option(names = "--skip-bad", description = "Leave out inputs that cannot be read (listed in the summary and in "
            + "capture.json) instead of stopping at the first.")
    boolean skipBad;

    @Override
    public Integer call() throws SplitScopeException {
        if (batch < 1) {
            throw new SplitScopeException("--batch must be at least 1");
        }
        List<Intervention> forced = Intervention.parseAll(intervene); // syntax first, before any file
        List<Path> files = Samples.expand(inputs);
        var options = new BatchRun.Options("capture", batch, skipBad, false, "input");
        try (BatchProgress progress = BatchProgress.start("capture", "inputs");
                BatchRun run = BatchRun.lock(out, "capture"); // before the work, not after it
                LoadedModel model = modelOptions.load()) {
            run.removeStaleParts(CaptureExport::removeStaleParts, "capture");
            checkBlocks(model);
            Interventions interventions = Interventions.of(forced, model.network());
            long start = System.nanoTime();
            List<String> sources = new ArrayList<>();
            List<CaptureExport.Skipped> skipped;
            // Batches stream to disk as they complete: memory stays flat however many images there are.
            try (CaptureWriter writer = CaptureWriter.open(out)) {
                BatchRun.Summary done = run.each(model, BatchRun.unlabelled(files), options, progress,
                        (samples, items) -> flush(model, samples, writer, sources, interventions, progress));
                Map<String, Double> timings = new LinkedHashMap<>();
                timings.put("load", model.loadMs());
                timings.put("preprocess", done.preprocessMs());
                timings.put("forward", writer.forwardMs());
                timings.put("hostCopy", writer.hostCopyMs());
                timings.put("total", (System.nanoTime() - start) / 1e6);
                skipped = done.skipped().stream().map(k -> new CaptureExport.Skipped(k.path(), k.reason())).toList();
                writer.finish(model, skipped, timings, interventions);
            } catch (IOException e) {
                throw new SplitScopeException(out + ": cannot write the capture (" + reason(e) + ")", e);
            }
            org.splitscope.runtime.StartupClock.mark("files written");
            progress.beforeOutput();
            System.out.printf("captured %d input(s), %d split-attention blocks → %s%n",
                    sources.size(), model.network().attentionBlocks().size(),
                    out.resolve(CaptureExport.NPZ));
            if (!skipped.isEmpty()) {
                System.err.printf("skipped %d of %d inputs: %s%n", skipped.size(), files.size(), String.join("; ",
                        skipped.stream().map(k -> Printable.clean(k.reason())).toList()));
            }
            return 0;
        } catch (BatchRun.Stopped stopped) {
            return SplitScopeCli.INTERRUPTED; // the interrupt hook says it, once the writer has discarded its files
        }
    }

    private void checkBlocks(LoadedModel model) throws SplitScopeException {
        Set<String> known = model.network().attentionBlocks().stream()
                .map(org.splitscope.model.ResidualBlock::name).collect(java.util.stream.Collectors.toSet());
        for (String block : splitBlocks) {
            if (!known.contains(block)) {
                String kind = known.isEmpty() ? "split-attention" : org.splitscope.model.AttentionWords.of(
                        model.network().attentionBlocks().get(0)).adjective();
                throw new SplitScopeException("--splits: no " + kind + " block '" + Printable.clean(block) + "' in " + model.name()
                        + " (blocks are named like layer3.4; see 'info')");
            }
        }
    }

    /** Runs one batch, writes it, and prints each input's top class as it goes. */
    private void flush(LoadedModel model, List<Sample> samples, CaptureWriter writer, List<String> sources,
            Interventions interventions, BatchProgress progress) throws SplitScopeException, IOException {
        CaptureResult result = CaptureService.capture(model, samples, splitBlocks, () -> false, interventions);
        List<String> names = samples.stream().map(Sample::source).toList();
        writer.add(model, result, names);
        progress.beforeOutput();
        for (int i = 0; i < names.size(); i++) {
            Prediction top = Prediction.top(result.logits(i), 1, model.labels()).get(0);
            System.out.printf("%s\t%s\t%.3f%n", Printable.clean(names.get(i)), top.label(), top.probability());
        }
        sources.addAll(names);
    }

    /** The OS's reason ("No space left on device"), not the temporary file's name. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
