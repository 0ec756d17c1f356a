package org.splitscope.view.dataset;

import org.splitscope.batch.DatasetInput;
import org.splitscope.batch.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.FolderLock;

/**
 * One analyze run over a labelled folder, for the {@code analyze} command and the window's Dataset
 * view: batches are decoded on one thread while the engine runs the previous batch, each batch's
 * attention and GAP are folded into running statistics and dropped, and the state is saved to the
 * output folder now and then (and when stopped) so a run can be resumed.
 */
public final class DatasetAnalysis {
    /** Seconds between saves; -Dsplitscope.analyze.saveSeconds=N for a partition that preempts often. */
    private static final double SAVE_EVERY_S = saveSeconds();

    /**
     * @param byPrediction group by the predicted class instead of the label
     * @param shard {@code I/N} or null for all images
     * @param stopAfter stop as if interrupted after this many images (−1: run to the end)
     */
    public record Options(boolean byPrediction, int batch, String shard, boolean resume, int stopAfter, double scale) {
        /** At the images' own scale (1: no enlargement). */
        public Options(boolean byPrediction, int batch, String shard, boolean resume, int stopAfter) {
            this(byPrediction, batch, shard, resume, stopAfter, 1);
        }

        /** The same run with every image's centre enlarged by {@code s} (SKNet's scale experiment). */
        public Options atScale(double s) {
            return new Options(byPrediction, batch, shard, resume, stopAfter, s);
        }

        public static Options of(int batch) {
            return new Options(false, batch, null, false, -1);
        }
    }

    private DatasetAnalysis() {}

    /**
     * A run stopped before its end (asked to, interrupted, or {@code stopAfter}): what it did is saved
     * as its state ({@link AnalysisRun#STATE_JSON}), from which {@code --resume} continues; a finished
     * run's stats.* in the same folder are left as they were.
     */
    public static final class Stopped extends CancellationException {
        private final transient AnalysisRun run;

        Stopped(String message, AnalysisRun run) {
            super(message);
            this.run = run;
        }

        /** What was done until the stop (null if nothing was). */
        public AnalysisRun run() {
            return run;
        }
    }

    /**
     * Runs (or resumes) the analysis of {@code all} into {@code out}. While it runs, its state is saved
     * now and then to {@link AnalysisRun#STATE_JSON}/{@link AnalysisRun#STATE_NPZ}; stats.npz,
     * stats.json and summary.csv are written only when it ends, so a finished run in the folder is
     * never replaced by part of another.
     *
     * @return the finished run, saved as stats.npz, stats.json and summary.csv in {@code out}
     * @throws Stopped when {@code progress} asked to stop; what was done is saved as the state
     */
    public static AnalysisRun run(LoadedModel model, List<DatasetInput.Item> all, Options o, Path out,
            Progress progress) throws SplitScopeException {
        if (o.batch() < 1) {
            throw new SplitScopeException("--batch must be at least 1");
        }
        List<DatasetInput.Item> mine = DatasetInput.shard(all, DatasetInput.shard(o.shard()));
        Coverage coverage = Coverage.of(all, DatasetInput.shard(o.shard()), o.byPrediction());
        List<String> groups = o.byPrediction() ? model.labels()
                : List.copyOf(new TreeSet<>(all.stream().map(DatasetInput.Item::label).toList()));
        String inputsSha = coverage.inputsSha256();
        String groupBy = o.byPrediction() ? "prediction" : "label";
        AtomicFiles.requireWritableFolder(out);
        try (FolderLock lock = FolderLock.acquire(out, "analyze")) {
            String modelSha = model.sha256(); // once: it hashes the checkpoint
            AnalysisRun run = o.resume() ? SavedRun.resume(out, groups, mine.size(), o.shard(), inputsSha, groupBy,
                    model.name(), modelSha) : null;
            if (run != null && !java.util.Objects.equals(run.scale, scaleOf(o))) {
                throw SavedRun.mismatch(out, "it was made at scale " + ScaleRuns.label(run.scale == null ? 1 : run.scale)
                        + "×, not " + ScaleRuns.label(o.scale()) + "×");
            }
            if (run != null) {
                run.coverage = coverage;
                run.resumedAt = run.processed;
            }
            long start = System.nanoTime();
            int from = run == null ? 0 : run.processed;
            int end = o.stopAfter() >= 0 ? Math.min(o.stopAfter(), mine.size()) : mine.size();
            long lastSave = System.nanoTime();
            ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "splitscope-decode");
                t.setDaemon(true);
                return t;
            });
            try {
                Future<Loaded> next = from < end ? decoder.submit(() -> load(mine, from, end, o.batch(), model, o.scale())) : null;
                while (next != null) {
                    Loaded in = get(next);
                    next = in.end() < end ? decoder.submit(() -> load(mine, in.end(), end, o.batch(), model, o.scale())) : null;
                    if (run == null) {
                        run = AnalysisRun.start(groups);
                        run.inputsSha = inputsSha;
                        run.groupBy = groupBy;
                        run.modelName = model.name();
                        run.modelSha = modelSha;
                        run.coverage = coverage;
                        run.scale = scaleOf(o);
                    }
                    for (String[] skip : in.skipped()) {
                        run.skip(Path.of(skip[0]), skip[1]);
                    }
                    if (!in.samples().isEmpty()) {
                        CaptureResult r = CaptureService.capture(model, in.samples(), Set.of());
                        run.withBlocks(r).add(r, in.items(), o.byPrediction(), model);
                    }
                    run.processed = in.end();
                    boolean stop = progress.isCancelled() || (in.end() == end && end < mine.size());
                    if (run.stats != null && (stop || System.nanoTime() - lastSave > SAVE_EVERY_S * 1e9)) {
                        run.saveState(out, o.shard(), mine.size(), start);
                        lastSave = System.nanoTime();
                    }
                    double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
                    progress.update(in.end(), mine.size(), (in.end() - from) / seconds);
                    if (stop) {
                        throw new Stopped("stopped after " + in.end() + " of " + mine.size() + " images"
                                + (run.stats != null ? " (saved; --resume continues)" : " (none could be read; nothing saved)"),
                                run.stats != null ? run : null);
                    }
                }
            } finally {
                decoder.shutdownNow();
            }
            if (run == null || run.stats == null) {
                throw new SplitScopeException("no image could be read (" + (run == null ? 0 : run.skipped.size())
                        + " skipped)");
            }
            run.saveFinal(out, o.shard(), mine.size(), start);
            return run;
        } catch (IOException e) {
            throw new SplitScopeException(out + ": cannot write the statistics (" + e.getMessage() + ")", e);
        }
    }

    private static double saveSeconds() {
        try {
            double s = Double.parseDouble(System.getProperty("splitscope.analyze.saveSeconds", "10"));
            return Double.isFinite(s) && s >= 0 ? s : 10;
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    /** A decoded batch: the samples and their items, the inputs that could not be read, where it ends. */
    private record Loaded(List<Sample> samples, List<DatasetInput.Item> items, List<String[]> skipped, int end) {}

    /** null at the images' own scale, so an unscaled run's files stay as they were. */
    private static Double scaleOf(Options o) {
        return o.scale() == 1 ? null : o.scale();
    }

    /**
     * One input: at scale s ≠ 1 the middle 1/s of the image, which the model's preprocessing then
     * resizes to its input — the centre crop enlarged s times, as the Compare view's scales do.
     */
    private static Sample sample(Path file, LoadedModel model, double scale) throws SplitScopeException {
        if (scale == 1) {
            return Samples.load(file, model.preprocessing()).get(0);
        }
        java.awt.image.BufferedImage image = org.splitscope.input.ImageLoader.load(file);
        return Samples.of(file.getFileName().toString(), org.splitscope.input.CentreCrop.of(image, scale),
                model.preprocessing());
    }

    private static Loaded load(List<DatasetInput.Item> mine, int from, int end, int batch, LoadedModel model,
            double scale) {
        List<Sample> samples = new ArrayList<>();
        List<DatasetInput.Item> items = new ArrayList<>();
        List<String[]> skipped = new ArrayList<>();
        int i = from;
        for (; i < end && samples.size() < batch; i++) {
            DatasetInput.Item item = mine.get(i);
            try {
                samples.add(sample(item.file(), model, scale));
                items.add(item);
            } catch (SplitScopeException e) {
                skipped.add(new String[] {item.file().toString(), e.getMessage()});
            }
        }
        return new Loaded(samples, items, skipped, i);
    }

    private static Loaded get(Future<Loaded> f) throws SplitScopeException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory while decoding: the command's guard reports it
            }
            throw new SplitScopeException("decoding failed: " + e.getCause().getMessage());
        }
    }
}
