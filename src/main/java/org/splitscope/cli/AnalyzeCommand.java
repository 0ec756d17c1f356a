package org.splitscope.cli;

import org.splitscope.batch.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.dataset.DatasetAnalysis;
import org.splitscope.batch.DatasetInput;
import org.splitscope.view.dataset.ScaleRuns;
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

    @Option(names = "--scales", paramLabel = "S,S…",
            description = "SKNet's scale experiment: one pass per scale, each image's centre enlarged s times (the middle "
                    + "1/s, resized back to the input), into OUT/scale-S/ with OUT/scales.json (e.g. 1,1.5,2).")
    String scales;

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
        List<Double> scaleList = scales == null ? null : ScaleRuns.parse(scales);
        List<DatasetInput.Item> all = DatasetInput.list(input, labelsFrom);
        AtomicFiles.requireWritableFolder(out);
        try (LoadedModel model = modelOptions.load()) {
            TerminalProgress progress = new TerminalProgress("");
            List<TerminalProgress> shown = new java.util.ArrayList<>(List.of(progress)); // --scales: one per scale
            Interruptible work = new Interruptible(progress.images());
            SplitScopeCli.onInterrupt(work);
            AnalysisRun run;
            try {
                if (scaleList == null) {
                    run = DatasetAnalysis.run(model, all, options, out, work);
                } else {
                    List<AnalysisRun> runs = ScaleRuns.run(model, all, options, out, scaleList, s -> {
                        shown.get(shown.size() - 1).done(); // each scale's pass on its own line
                        shown.add(new TerminalProgress("scale " + ScaleRuns.label(s) + "×"));
                        work.showing(shown.get(shown.size() - 1).images());
                        return work;
                    });
                    run = runs.get(runs.size() - 1);
                }
            } catch (DatasetAnalysis.Stopped stopped) {
                shown.forEach(TerminalProgress::done);
                work.stopped(stopped.getMessage());
                if (!work.signalled()) { // --stop-after: said here; on a signal the interrupt hook says it
                    System.err.println(stopped.getMessage());
                }
                return SplitScopeCli.INTERRUPTED;
            } finally {
                shown.forEach(TerminalProgress::done);
                work.finished();
            }
            SplitScopeCli.onInterrupt(null);
            String note = run.accuracyNote();
            System.out.printf(Locale.ROOT, "analysed %d of %s in %s → %s%s%s%s%n", run.stats().total(),
                    plural(run.processed(), "image"), plural(run.stats().nonEmpty().size(), "group"), scaleList == null
                    ? out.resolve("stats.npz") : out.resolve("scale-*/stats.npz") + " at " + ScaleRuns.words(scaleList)
                    + " (" + out.resolve(ScaleRuns.JSON) + ")",
                    run.skippedCount() == 0 ? "" : " (" + run.skippedCount() + " skipped, listed in stats.json)",
                    run.resumedAt() < 0 ? "" : " (resumed at image " + run.resumedAt() + ")",
                    note.isEmpty() || note.endsWith("every group") ? "" : "; " + note);
            return 0;
        } finally {
            SplitScopeCli.onInterrupt(null);
        }
    }

    /** "1 image", "2 images". */
    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * The run's progress and its way out on Ctrl+C/SIGTERM: the hook sets the flag, the run saves its
     * state after the batch it is in and ends; the hook waits for that (bounded) before the program ends.
     */
    private static final class Interruptible implements Progress, SplitScopeCli.OnInterrupt {
        private final java.util.concurrent.atomic.AtomicBoolean signal = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        private volatile String stoppedWith;
        private volatile Progress shown;

        Interruptible(Progress shown) {
            this.shown = shown;
        }

        @Override
        public void update(int done, int total, double rate) {
            shown.update(done, total, rate);
            SplitScopeCli.ready("analyze");
        }

        @Override
        public boolean isCancelled() {
            return signal.get();
        }

        /** Where the progress goes from now on (analyze --scales: a line per scale). */
        void showing(Progress progress) {
            shown = progress;
        }

        boolean signalled() {
            return signal.get();
        }

        void stopped(String message) {
            stoppedWith = message;
        }

        void finished() {
            ended.countDown();
        }

        @Override
        public String stopAndSave(long timeoutMs) {
            signal.set(true);
            try {
                if (!ended.await(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return null;
                }
            } catch (InterruptedException e) {
                return null;
            }
            String m = stoppedWith;
            return m == null ? null : "interrupted; analyze " + m;
        }
    }
}
