package org.splitscope.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.Intervention;
import org.splitscope.batch.DatasetInput;
import org.splitscope.batch.BatchRun;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.ImageLoader;
import org.splitscope.view.knockout.KnockoutResult;
import org.splitscope.view.knockout.KnockoutSweep;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "knockout", description = "Intervene in one attention block (split attention, SE, ECA or SK) at a time and report, per block, "
        + "the mean change of the target class's logit and probability and of top-1 accuracy: OUT/knockout.csv, "
        + "knockout.json.")
final class KnockoutCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "One sub-folder per class (labels known where a folder is named like a model class), "
                    + "or a folder of images without labels.")
    Path input;

    @Option(names = "--labels-from", paramLabel = "folders|FILE.csv", defaultValue = "folders",
            description = "Labels from the sub-folders (default), or path,label rows of a CSV (paths relative to it).")
    String labelsFrom;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "uniform",
            description = "uniform (default), onehot:R or scale:R:F, as for capture --intervene.")
    String mode;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "N", description = "Images per forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where knockout.csv and knockout.json go.")
    Path out;

    @Override
    public Integer call() throws SplitScopeException {
        if (batch < 1) {
            throw new SplitScopeException("--batch must be at least 1");
        }
        Intervention.Mode knockout = Intervention.parseMode(mode);
        List<DatasetInput.Item> items = items();
        try (BatchProgress progress = BatchProgress.start("knockout", "images");
                BatchRun run = BatchRun.lock(out, "knockout"); LoadedModel model = modelOptions.load()) {
            KnockoutSweep sweep = new KnockoutSweep(model, knockout);
            List<String> keys = model.labels().stream().map(org.splitscope.model.Labels::key).toList();
            // every unreadable image is listed and left out (knockout has always skipped them)
            BatchRun.Summary done = run.each(model, items, new BatchRun.Options("knockout", batch, true, true, "image"),
                    progress, (samples, from) -> sweep.add(samples, from.stream().mapToInt(item -> item.label() == null
                            ? -1 : keys.indexOf(org.splitscope.model.Labels.key(item.label()))).toArray()));
            // the input folder's name, not its path: the caption of a published figure says no more of the user's disk
            Path name = input.toAbsolutePath().normalize().getFileName();
            KnockoutResult result = sweep.result(name == null ? input.toString() : name.toString());
            JsonObject json = result.json();
            json.add("skipped", new com.google.gson.Gson().toJsonTree(done.skipped()));
            byte[] text = KnockoutResult.text(json).getBytes(StandardCharsets.UTF_8);
            byte[] csv = result.csv();
            AtomicFiles.writeAll(List.of(Map.entry(out.resolve(KnockoutResult.CSV), o -> o.write(csv)),
                    Map.entry(out.resolve(KnockoutResult.JSON), o -> o.write(text))));
            progress.beforeOutput();
            System.out.printf(Locale.ROOT, "knocked out %s (%s) over %s, %d labelled → %s%s%n",
                    AnalyzeCommand.plural(result.blocks().size(), "block"), result.mode(),
                    AnalyzeCommand.plural(result.images(), "image"), result.labelled(),
                    out.resolve(KnockoutResult.CSV), done.skipped().isEmpty() ? "" : " (" + done.skipped().size()
                            + " skipped, listed in knockout.json)");
            return 0;
        } catch (BatchRun.Stopped stopped) {
            return SplitScopeCli.INTERRUPTED; // the interrupt hook says it; nothing was written
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot write the knock-out table (" + e.getMessage() + ")", e);
        }
    }

    /** analyze's listing (ImageFolder or CSV); a folder of images without sub-folders is unlabelled. */
    private List<DatasetInput.Item> items() throws SplitScopeException {
        if (labelsFrom.equals("folders") && Files.isDirectory(input) && !hasSubfolders(input)) {
            List<DatasetInput.Item> items = new ArrayList<>();
            for (Path f : ImageLoader.listImages(input)) {
                items.add(new DatasetInput.Item(f, null));
            }
            if (items.isEmpty()) {
                throw new SplitScopeException(input + ": no images and no sub-folders of images");
            }
            return items;
        }
        return DatasetInput.list(input, labelsFrom);
    }

    private static boolean hasSubfolders(Path dir) throws SplitScopeException {
        try (var list = Files.list(dir)) {
            return list.anyMatch(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."));
        } catch (IOException e) {
            throw new SplitScopeException(Printable.clean(dir.toString()) + ": cannot list it (" + e.getMessage() + ")");
        }
    }
}
