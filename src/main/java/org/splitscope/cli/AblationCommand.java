package org.splitscope.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.runtime.Engines;
import org.splitscope.io.AtomicFiles;
import org.splitscope.bundled.BundledModels;
import org.splitscope.train.Ablation;
import org.splitscope.train.FashionMnist;
import org.splitscope.train.ModelCards;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ablation", description = "Measure the bundled (or given) Fashion-MNIST models: mechanism, top-1, parameters, MFLOPs, images/s.")
final class AblationCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE|NAME", description = "Models to measure: files or bundled names (default: every bundled one).")
    List<Path> models;

    @Option(names = "--data", defaultValue = "/usr/share/datasets/fashion-mnist", description = "Fashion-MNIST IDX files.")
    Path data;

    @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the rows as JSON, e.g. models/ablation.json.")
    Path out;

    @Override
    public Integer call() throws SplitScopeException {
        Engines.configure(threads);
        List<Path> files = new ArrayList<>();
        if (models != null) {
            for (Path m : models) {
                files.add(BundledModels.resolve(m));
            }
        } else {
            for (BundledModels.Entry entry : BundledModels.all()) {
                files.add(BundledModels.file(entry));
            }
        }
        if (files.isEmpty()) {
            throw new SplitScopeException("no models to measure: this build bundles none; pass --model FILE");
        }
        List<Ablation.Row> rows = Ablation.measure(files, FashionMnist.test(data));
        System.out.println("| model | mechanism | top-1 (%) | params | MFLOPs | images/s |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Ablation.Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %,d | %.2f | %.0f |%n", r.notation(), r.mechanism(),
                    r.testTop1(), r.parameters(), r.mflops(), r.imagesPerSecond());
        }
        if (out != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dataset", "Fashion-MNIST test set, 10,000 images");
            json.put("speed", "CPU, batch 64, " + threads + " threads, median of 40 batches after 10 of warm-up; MFLOPs = multiply-accumulates per image");
            json.put("rows", rows);
            json.put("paper", "Each row's paper columns are the ImageNet numbers of the network it stands for "
                    + "(paperModel, paperSource): ResNeSt's ablation for the split-attention rows, the SE, ECA and "
                    + "SK papers' own ResNet-50-sized networks for theirs (other recipes: not comparable across papers)");
            try {
                AtomicFiles.write(out, stream -> {
                    Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    ModelCards.GSON.toJson(json, writer);
                    writer.flush();
                });
            } catch (IOException e) {
                throw new SplitScopeException(out + ": cannot write (" + e.getMessage() + ")", e);
            }
        }
        return 0;
    }
}
