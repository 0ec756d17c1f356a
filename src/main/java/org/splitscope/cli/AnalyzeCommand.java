package org.splitscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.dataset.AnalysisRun;
import org.splitscope.dataset.DatasetAnalysis;
import org.splitscope.dataset.DatasetInput;
import org.splitscope.engine.LoadedModel;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "analyze", description = "Class-conditional attention and GAP statistics over a folder of images "
        + "(ImageFolder layout: one sub-folder per group), streamed: OUT/stats.npz, stats.json, summary.csv.",
        subcommands = AnalyzeMergeCommand.class)
final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--input", paramLabel = "DIR", description = "One sub-folder per group, groups in folder-name order.")
    Path input;

    @Option(names = "--labels-from", paramLabel = "folders|FILE.csv", defaultValue = "folders",
            description = "Groups from the sub-folders (default), or path,label rows of a CSV (paths relative to it).")
    String labelsFrom;

    @Option(names = "--group-by", paramLabel = "label|prediction", defaultValue = "label",
            description = "Group by the label (default) or by the predicted class.")
    String groupBy;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "N", description = "Images per forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--shard", paramLabel = "I/N", description = "Only images I, I+N, I+2N … (1-based) of the input order.")
    String shard;

    @Option(names = "--resume", description = "Continue the run in OUT from its last saved batch.")
    boolean resume;

    @Option(names = "--out", paramLabel = "DIR", description = "Where stats.npz, stats.json and summary.csv go.")
    Path out;

    /** Stops after this many images as if interrupted (state saved): for testing --resume. */
    @Option(names = "--stop-after", hidden = true)
    int stopAfter = -1;

    @Override
    public Integer call() throws SplitScopeException {
        if (input == null || out == null) {
            throw new SplitScopeException("analyze needs --input DIR and --out DIR (or: analyze merge OUT… --out OUT)");
        }
        boolean byPrediction = switch (groupBy) {
            case "label" -> false;
            case "prediction" -> true;
            default -> throw new SplitScopeException("--group-by: label or prediction, not '" + Printable.clean(groupBy) + "'");
        };
        var options = new DatasetAnalysis.Options(byPrediction, batch, shard, resume, stopAfter);
        DatasetInput.shard(shard);
        List<DatasetInput.Item> all = DatasetInput.list(input, labelsFrom);
        AtomicFiles.requireWritableFolder(out);
        try (LoadedModel model = modelOptions.load()) {
            TerminalProgress progress = new TerminalProgress("");
            AnalysisRun run;
            try {
                run = DatasetAnalysis.run(model, all, options, out, progress.images());
            } finally {
                progress.done();
            }
            System.out.printf(Locale.ROOT, "analysed %d of %d images in %d groups → %s%s%s%n", run.stats().total(),
                    run.processed(), run.stats().nonEmpty().size(), out.resolve("stats.npz"),
                    run.skippedCount() == 0 ? "" : " (" + run.skippedCount() + " skipped, listed in stats.json)",
                    run.resumedAt() < 0 ? "" : " (resumed at image " + run.resumedAt() + ")");
            return 0;
        }
    }
}
