package org.splitscope.app.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.splitscope.view.dataset.DatasetStats;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.figure.FileFigure;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.dataset.DatasetRequest;
import org.splitscope.engine.LoadedModel;
import org.splitscope.view.dataset.DatasetFigure;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.Views;
import org.splitscope.view.dataset.PaperFigures;
import org.splitscope.view.dataset.ScaleRuns;

/**
 * The Dataset view: shows the statistics of an analysis — one made here ({@link FolderAnalysis}: {@code
 * analyze} over a labelled folder with the open model, stoppable, resumable) or reopened from disk — through the
 * same {@link DatasetRequest} as {@code figure --view dataset}, or a paper's figure from them ({@link DatasetProfile}).
 */
public final class DatasetViewModel extends FigureViewModel {
    private final ReadOnlyObjectWrapper<AnalysisRun> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final ObservableList<String> blocks = FXCollections.observableArrayList();
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final StringProperty block = new SimpleStringProperty(this, "block");
    private final ObjectProperty<DatasetFigure.Metric> metric =
            new SimpleObjectProperty<>(this, "metric", DatasetFigure.Metric.ENTROPY);
    private final IntegerProperty split = new SimpleIntegerProperty(this, "split", 0);
    /** A paper's figure shown instead of the statistics; null for the statistics. */
    private final ObjectProperty<PaperFigures.Profile> profile = new SimpleObjectProperty<>(this, "profile");
    private final DatasetProfile profiles = new DatasetProfile();
    /** The runs of an analyze --scales output when one is open (the sknet profile reads them); else null. */
    private ScaleRuns.Loaded scales;
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final org.splitscope.app.base.LatestRequest modelCheck = new org.splitscope.app.base.LatestRequest();
    private Consumer<Problem> problems = p -> {};
    private final FolderAnalysis analysis;

    public DatasetViewModel(Session session) {
        super(session, Views.DATASET, "Hover over a bar, a map cell or a channel for its numbers");
        analysis = new FolderAnalysis(session, message, (r, dir) -> show(r, dir, null), p -> problems.accept(p));
        block.addListener((obs, old, now) -> changed());
        metric.addListener((obs, old, now) -> changed());
        split.addListener((obs, old, now) -> changed());
        profile.addListener((obs, old, now) -> changed());
        chosen.addListener((javafx.collections.ListChangeListener<String>) c -> changed());
        // Statistics say which model made them; a notice when that is not the model open now.
        run.addListener((obs, old, now) -> checkModel());
        session.modelProperty().addListener((obs, old, now) -> checkModel());
    }

    @Override
    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    /** The shown statistics' model, as stats.json records it: "fmnist-2s1x64d (SHA-256 3f2a…)". */
    static String modelOf(AnalysisRun r) {
        String sha = r.modelSha256();
        return (r.modelName() == null ? "an unnamed model" : org.splitscope.io.Printable.clean(r.modelName()))
                + (sha == null ? " (random weights)" : " (SHA-256 " + sha.substring(0, Math.min(12, sha.length())) + "…)");
    }

    /** Compares the statistics' model with the open one by SHA-256 (hashing a checkpoint runs on the worker). */
    private void checkModel() {
        AnalysisRun r = run.get();
        LoadedModel open = session().modelProperty().get();
        modelCheck.cancel();
        notice.set("");
        origin.set(r == null ? "" : "Statistics of " + modelOf(r));
        if (r == null || open == null) {
            return;
        }
        Object request = modelCheck.begin();
        modelCheck.submitted(request, session().executor().submit("Checking which model made the statistics",
                p -> java.util.Objects.equals(open.sha256(), r.modelSha256()), same -> {
                    if (modelCheck.finish(request) && run.get() == r && session().modelProperty().get() == open) {
                        notice.set(same ? "" : "Not the open model: these statistics were made by " + modelOf(r)
                                + ", the open model is " + org.splitscope.io.Printable.clean(open.name())
                                + ". Analyze folder… runs the open model.");
                    }
                }, error -> modelCheck.finish(request)));
    }

    /** Which model made the statistics shown (name and SHA-256 prefix from stats.json); "" without statistics. */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** A notice when the statistics were made by another model than the open one; "" when they match. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Where new analyses are saved, one sub-folder each (tests point it elsewhere). */
    public void setOutputs(Path folder) {
        analysis.setOutputs(folder);
    }

    /** Analyses {@code input} (one sub-folder per group) with the open model into a new folder of its own. */
    public void analyze(Path input) {
        analysis.analyze(input);
    }

    /** Continues the stopped run where it was saved. */
    public void resume() {
        analysis.resume(folder.get());
    }

    public boolean canResume() {
        return analysis.canResume();
    }

    /** Stops the running analysis after its current batch; what it did is saved and shown. */
    public void stop() {
        analysis.stop();
    }

    /**
     * Opens the statistics an earlier run (here or {@code analyze}) saved in {@code dir}; for an
     * {@code analyze --scales} output, the first scale's statistics and every scale for the sknet profile.
     */
    public void open(Path dir) {
        session().executor().submit("Opening " + dir.getFileName(),
                p -> ScaleRuns.holdsScales(dir) ? ScaleRuns.read(dir) : AnalysisRun.read(dir), // disk: on the worker
                r -> {
                    if (r instanceof ScaleRuns.Loaded l) {
                        show(l.first(), dir, l);
                    } else {
                        show((AnalysisRun) r, dir, null);
                    }
                }, error -> problems.accept(Problem.of("Opening " + dir.getFileName(), error)));
    }

    private void show(AnalysisRun r, Path dir, ScaleRuns.Loaded l) {
        profiles.clear();
        scales = l;
        DatasetStats s = r.stats();
        List<String> names = s.blocks().stream().map(DatasetStats.Block::name).toList();
        List<String> nonEmpty = s.nonEmpty();
        run.set(r);
        folder.set(dir);
        blocks.setAll(names);
        groups.setAll(nonEmpty);
        if (block.get() == null || !names.contains(block.get())) {
            block.set(names.get(names.size() - 1));
        }
        split.set(Math.min(split.get(), s.blocks().get(0).radix() - 1));
        List<String> keep = new ArrayList<>(chosen.stream().filter(nonEmpty::contains).toList());
        chosen.setAll(keep.isEmpty()
                ? nonEmpty.subList(0, Math.min(DatasetRequest.DEFAULT_GROUPS, nonEmpty.size())) : keep);
        if (!analysis.analyzingProperty().get()) {
            String note = r.accuracyNote();
            message.set(String.format(Locale.ROOT, "%d images in %d groups · %s%s", s.total(), nonEmpty.size(), dir,
                    note.isEmpty() || note.endsWith("every group") ? "" : " · " + note));
        }
        changed();
    }

    /** The figure's request: block, metric, split and groups as chosen. */
    public DatasetRequest figures() {
        return new DatasetRequest(block.get(), metric.get(), split.get(), List.copyOf(chosen),
                session().colormapProperty().get());
    }

    public Drawing draw(double width, FigureStyle style) {
        AnalysisRun r = run.get();
        if (r == null) {
            return Drawing.note("No statistics yet. Analyze folder… runs the open model over a folder of labelled "
                    + "images (one sub-folder per group, as torchvision's ImageFolder); Open results… shows what an "
                    + "earlier run or the analyze command saved.", width, style);
        }
        if (profile.get() != null) {
            DatasetProfile.State st = profileState();
            return st == null ? Drawing.note("Computing the " + profile.get().id + " profile…", width, style)
                    : st.figure() == null ? Drawing.note(st.problem(), width, style) : st.figure().draw(width, style);
        }
        try {
            return figures().draw(r, width, style);
        } catch (IllegalArgumentException e) {
            return Drawing.note(e.getMessage(), width, style);
        }
    }

    /** The shown paper figure, null while it is computed; asks for it when the choice changed. */
    private DatasetProfile.State profileState() {
        return profiles.get(session().executor(), new DatasetProfile.Key(profile.get(), folder.get(), run.get(), scales,
                List.copyOf(chosen)), this::changed);
    }

    @Override
    public String readout(Object target) {
        AnalysisRun r = run.get();
        return r == null || profile.get() != null ? null : DatasetReadouts.of(r.stats(), figures(), target);
    }

    @Override
    public FigureRequest request() {
        return null; // not a view of one image: files go through fileFigure()
    }

    @Override
    public String fileName() {
        return folder.get() == null ? null : "dataset-" + folder.get().getFileName() + "-"
                + (profile.get() == null ? block.get() : profile.get().id);
    }

    @Override
    public String nothingToExport() {
        if (run.get() != null && profile.get() != null) {
            DatasetProfile.State st = profileState();
            return st == null ? "The " + profile.get().id + " profile is still being computed; export it in a moment."
                    : st.problem();
        }
        return "Nothing to export from the Dataset view: no statistics are shown. Analyze folder… or Open results… "
                + "first.";
    }

    @Override
    public FileFigure fileFigure() {
        AnalysisRun r = run.get();
        if (r == null) {
            return null;
        }
        if (profile.get() != null) {
            DatasetProfile.State st = profileState();
            return st == null ? null : st.figure();
        }
        return figures().file(r, folder.get().getFileName().toString());
    }

    public ReadOnlyObjectProperty<AnalysisRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** The folder the shown statistics are saved in. */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ObservableList<String> blocks() {
        return blocks;
    }

    /** The groups with images, in order. */
    public ObservableList<String> groups() {
        return groups;
    }

    /** The groups compared in the share panel and the channel profiles. */
    public ObservableList<String> chosenGroups() {
        return chosen;
    }

    public StringProperty blockProperty() {
        return block;
    }

    public ObjectProperty<DatasetFigure.Metric> metricProperty() {
        return metric;
    }

    public IntegerProperty splitProperty() {
        return split;
    }

    /** The paper's figure shown (figure --profile's senet, senet-std or sknet); null for the statistics. */
    public ObjectProperty<PaperFigures.Profile> profileProperty() {
        return profile;
    }

    /** Whether the open statistics are an analyze --scales output (the sknet profile needs one). */
    public boolean hasScales() {
        return scales != null;
    }

    public ReadOnlyBooleanProperty analyzingProperty() {
        return analysis.analyzingProperty();
    }

    /** What the last run did, or where the shown statistics come from. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
