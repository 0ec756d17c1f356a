package org.splitscope.app.dataset;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;
import org.splitscope.app.base.TaskExecutor;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.batch.DatasetInput;
import org.splitscope.batch.Progress;
import org.splitscope.engine.LoadedModel;
import org.splitscope.io.UserDirs;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.dataset.DatasetAnalysis;

/**
 * The Dataset tab's Analyze folder…: {@code analyze} over a labelled folder with the open model, on the
 * worker, into a new folder of its own; stopped after the batch in flight (what it did is saved and
 * shown) and resumed where it was saved. The statistics it makes are shown by the view model.
 */
final class FolderAnalysis {
    static final int BATCH = 16;

    private final Session session;
    private final StringProperty message;
    private final BiConsumer<AnalysisRun, Path> show;
    private final Consumer<Problem> problems;
    private final ReadOnlyBooleanWrapper analyzing = new ReadOnlyBooleanWrapper(this, "analyzing");
    private final AtomicBoolean stop = new AtomicBoolean();
    private Path resumeInput;
    private Path outputs;

    /**
     * @param message what the run is doing or did, shared with the view model (which says where shown
     *     statistics come from)
     * @param show shows a run's statistics and the folder they are saved in (on the FX thread)
     */
    FolderAnalysis(Session session, StringProperty message, BiConsumer<AnalysisRun, Path> show,
            Consumer<Problem> problems) {
        this.session = session;
        this.message = message;
        this.show = show;
        this.problems = problems;
        outputs = UserDirs.writable(".splitscope").resolve("analyses");
        // Cancelling from the status bar drops the job's callbacks: the executor going idle ends the run here.
        session.executor().status().runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                analyzing.set(false);
            }
        });
    }

    /** Where new analyses are saved, one sub-folder each (tests point it elsewhere). */
    void setOutputs(Path folder) {
        this.outputs = folder;
    }

    /** Analyses {@code input} (one sub-folder per group) with the open model into a new folder of its own. */
    void analyze(Path input) {
        String name = input.toAbsolutePath().normalize().getFileName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        start(input, outputs.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_")), false);
    }

    /** Continues the stopped run in {@code folder}, where it was saved. */
    void resume(Path folder) {
        if (resumeInput != null && folder != null) {
            start(resumeInput, folder, true);
        }
    }

    boolean canResume() {
        return resumeInput != null;
    }

    /** Stops the running analysis after its current batch. */
    void stop() {
        stop.set(true);
    }

    ReadOnlyBooleanProperty analyzingProperty() {
        return analyzing.getReadOnlyProperty();
    }

    private void start(Path input, Path out, boolean resume) {
        LoadedModel model = session.modelProperty().get();
        if (model == null) {
            problems.accept(new Problem("No model open", "Open a model first: the analysis runs the open model "
                    + "over every image of the folder.", ""));
            return;
        }
        stop.set(false);
        analyzing.set(true);
        message.set("Analysing " + input.getFileName() + " with " + model.name() + "…");
        session.executor().submit("Analysing " + input.getFileName(), progress -> {
            List<DatasetInput.Item> items = DatasetInput.list(input, "folders");
            return DatasetAnalysis.run(model, items, new DatasetAnalysis.Options(false, BATCH, null, resume, -1), out,
                    progressOf(progress));
        }, done -> {
            resumeInput = null;
            show.accept(done, out);
            String note = done.accuracyNote();
            message.set(String.format(Locale.ROOT, "%d images in %d groups%s · saved in %s%s", done.stats().total(),
                    done.stats().nonEmpty().size(), done.skippedCount() == 0 ? ""
                            : " (" + done.skippedCount() + " unreadable, skipped)", out,
                    note.isEmpty() || note.endsWith("every group") ? "" : " · " + note));
        }, error -> {
            if (error instanceof CancellationException) {
                resumeInput = input;
                String why = error.getMessage().replace("--resume continues", "Resume continues");
                message.set(Character.toUpperCase(why.charAt(0)) + why.substring(1));
                // what was done so far (saved as the run's state; a finished run in the folder stays as it was)
                if (error instanceof DatasetAnalysis.Stopped stopped && stopped.run() != null) {
                    show.accept(stopped.run(), out);
                }
            } else {
                message.set("");
                problems.accept(Problem.of("Analysing " + input.getFileName(), error));
            }
        });
    }

    private Progress progressOf(TaskExecutor.Progress job) {
        return new Progress() {
            @Override
            public void update(int done, int total, double rate) {
                job.update(done / (double) Math.max(total, 1), String.format(Locale.ROOT,
                        "Analysing: %d / %d images, %.1f images/s, %.0f s left", done, total, rate,
                        (total - done) / Math.max(rate, 1e-9)));
            }

            @Override
            public boolean isCancelled() {
                return stop.get() || job.isCancelled();
            }
        };
    }
}
