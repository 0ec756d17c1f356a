package org.splitscope.app.picker;

import org.splitscope.engine.ArchitectureSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.splitscope.SplitScopeException;
import org.splitscope.app.base.LatestRequest;
import org.splitscope.app.base.Settings;
import org.splitscope.app.base.TaskExecutor;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.runtime.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.engine.Origins;
import org.splitscope.model.Preset;
import org.splitscope.model.Presets;
import org.splitscope.bundled.BundledModels;
import org.splitscope.hub.Downloader;
import org.splitscope.hub.HubEnvironment;
import org.splitscope.hub.Pretrained;

/**
 * Opening models: a checkpoint file or one of the bundled models. What the weights cannot say (the
 * preset, the avd placement) is decided afresh for every file opened — from the file, or from the
 * choices made for that file with ↻ — never carried over from the previous model. The preset box and
 * the avd box always show the current model's true state; a load that fails leaves the current model
 * in place and the boxes showing it.
 */
public final class ModelViewModel {
    /** The preset choice that means "read the architecture off the weights". */
    public static final String FROM_WEIGHTS = "from the weights";

    /**
     * What the user chose for one file.
     *
     * @param preset a preset name, or null to read the architecture off the weights
     * @param avdFirst the avd placement, or null for what the file or preset says (else last)
     */
    public record Choice(String preset, Boolean avdFirst) {
        public static final Choice NONE = new Choice(null, null);
    }

    private final Session session;
    private final Settings settings;
    private final ObservableList<BundledModels.Entry> bundled = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ArchitectureSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ObjectProperty<String> preset = new SimpleObjectProperty<>(this, "preset", FROM_WEIGHTS);
    private final BooleanProperty avdFirst = new SimpleBooleanProperty(this, "avdFirst");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper opening = new ReadOnlyStringWrapper(this, "opening");
    private final javafx.beans.property.ReadOnlyBooleanWrapper loading =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "loading");
    private Consumer<Problem> problems = p -> {};
    private final LatestRequest latest = new LatestRequest();
    private String origin = "";

    public ModelViewModel(Session session, Settings settings) {
        this.session = session;
        this.settings = settings;
        session.modelProperty().addListener((obs, old, now) -> {
            summary.set(now == null ? null : ArchitectureSummary.of(now, origin));
            showState(now);
        });
        bundled.setAll(availableBundled());
        // A load cancelled from the status bar delivers nothing: once the worker is idle, it is over.
        session.executor().status().runningProperty().addListener((obs, was, running) -> {
            if (!running && latest.pending()) {
                latest.cancel();
                loading.set(false);
                opening.set(null);
                showState(session.modelProperty().get());
            }
        });
    }

    /**
     * The bundled models this build really contains: an index entry whose file is missing (a build
     * made before the models were trained) is left out rather than offered and failing.
     */
    public static List<BundledModels.Entry> availableBundled() {
        try {
            return BundledModels.all().stream()
                    .filter(e -> BundledModels.class.getResource("/models/" + e.file()) != null).toList();
        } catch (SplitScopeException e) {
            return List.of(); // a damaged index: start on the empty state, the user can open a file
        }
    }

    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    /** Opens a checkpoint as a new file (Ctrl+O, a drop): only the file itself decides. */
    public void open(Path checkpoint) {
        open(checkpoint, Choice.NONE);
    }

    /** Opens a checkpoint with choices made for this very file (↻, or the last session's). */
    public void open(Path checkpoint, Choice choice) {
        String name = String.valueOf(checkpoint.getFileName());
        load(name, name, progress -> checkpoint, choice, loaded -> {
            file.set(loaded.file());
            settings.setLastModel(new Settings.LastModel(loaded.file(), choice.preset(), choice.avdFirst()));
        });
        if (checkpoint.toAbsolutePath().getParent() != null) {
            settings.setModelFolder(checkpoint.toAbsolutePath().getParent());
        }
    }

    /** Opens the current file again with the preset and avd placement now in the boxes. */
    public void reload() {
        LoadedModel current = session.modelProperty().get();
        if (file.get() == null || current == null) {
            return;
        }
        String chosen = FROM_WEIGHTS.equals(preset.get()) ? null : preset.get();
        // The avd box is a choice only if the user changed it (or chose it before): an untouched box
        // must not override what a newly chosen preset says.
        boolean touched = avdFirst.get() != current.config().avdFirst() || Origins.USER.equals(current.origins().avd());
        open(file.get(), new Choice(chosen, touched ? avdFirst.get() : null));
    }

    public void openBundled(BundledModels.Entry entry) {
        load(entry.title(), "bundled: " + entry.title(), progress -> BundledModels.file(entry), Choice.NONE, loaded -> {
            file.set(null);
            settings.setLastBundled(entry.file());
        });
    }

    /** The bundled model with this file name; false when this build has none such. */
    public boolean openBundled(String file) {
        return bundled.stream().filter(e -> e.file().equals(file)).findFirst().map(e -> {
            openBundled(e);
            return true;
        }).orElse(false);
    }

    /** The bundled default model; false when this build has none. */
    public boolean openDefault() {
        return bundled.stream().filter(BundledModels.Entry::isDefault).findFirst().map(e -> {
            openBundled(e);
            return true;
        }).orElse(false);
    }

    private java.util.function.Supplier<HubEnvironment> hub = HubEnvironment::fromSystem;

    /** Where pretrained weights come from (the environment's hub and caches; tests use a loopback hub). */
    public void setHubEnvironment(java.util.function.Supplier<HubEnvironment> hub) {
        this.hub = hub;
    }

    private interface Source {
        Path file(TaskExecutor.Progress progress) throws SplitScopeException;
    }

    /**
     * Opens published weights (hf:timm/resnest50d.in1k, official:resnest50): from the cache at
     * once, else downloaded first with progress in the status bar (cancel stops it; a later try
     * resumes).
     */
    public void openPretrained(Pretrained.Model model) {
        Choice choice = new Choice(model.preset(), null);
        load(model.id(), "pretrained: " + model.id(), progress -> Pretrained.resolve(model.id(),
                hub.get(), new Downloader(), new Downloader.Progress() {
                    private final long start = System.nanoTime();

                    @Override
                    public void update(long done, long total) {
                        double mbps = done / 1e6 / Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                        progress.update(total > 0 ? (double) done / total : -1, String.format(java.util.Locale.ROOT,
                                "Downloading %s: %.1f of %.1f MB, %.1f MB/s", model.id(), done / 1e6, total / 1e6, mbps));
                    }

                    @Override
                    public boolean cancelled() {
                        return progress.isCancelled();
                    }
                }).file(), choice, loaded -> {
                    file.set(loaded.file());
                    settings.setLastModel(new Settings.LastModel(loaded.file(), choice.preset(), null));
                });
    }

    /** The boxes show what the model really is (or their neutral state without a model). */
    private void showState(LoadedModel model) {
        preset.set(model == null || model.preset() == null ? FROM_WEIGHTS : model.preset());
        avdFirst.set(model != null && model.config().avdFirst());
    }

    /**
     * @param name what is being opened, for the status and the loading state
     * @param remember what to note once the model is in use
     */
    private void load(String name, String from, Source source, Choice choice, Consumer<LoadedModel> remember) {
        Object request = latest.begin(); // only the latest open matters
        opening.set(name);
        loading.set(true);
        String title = "Opening " + name;
        latest.submitted(request, session.executor().submit(title, progress -> {
            progress.update(-1, "Reading the weights of " + name);
            Path path = source.file(progress);
            ModelLoader.requireFile(path);
            var device = Engines.device("auto");
            return ModelLoader.load(new ModelLoader.Request(path, choice.preset(), choice.avdFirst(), null, device));
        }, loaded -> {
            finished(request);
            LoadedModel old = session.modelProperty().get();
            origin = from;
            remember.accept(loaded);
            session.modelProperty().set(loaded);
            session.executor().announce(String.format(java.util.Locale.ROOT, "Opened %s in %.0f ms", name, loaded.loadMs()));
            if (old != null) {
                // Queued behind any capture still using it; says nothing in the status bar.
                session.executor().submit(null, progress -> {
                    old.close();
                    return null;
                }, x -> {}, e -> {});
            }
        }, error -> {
            finished(request);
            showState(session.modelProperty().get()); // the boxes go back to what is really open
            Problem problem = Problem.of(title, error);
            String why = problem.message().startsWith(name + ": ") ? problem.message().substring(name.length() + 2)
                    : problem.message();
            session.executor().announce("Could not open " + name + ": " + why);
            problems.accept(problem);
        }));
    }

    private void finished(Object request) {
        if (latest.finish(request)) {
            loading.set(false);
            opening.set(null);
        }
    }

    /** What is being opened (a file or bundled model name), or null. */
    public ReadOnlyStringProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Whether a model is being opened. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "from the weights" followed by every preset name. */
    public List<String> presetChoices() {
        List<String> names = new ArrayList<>();
        names.add(FROM_WEIGHTS);
        Presets.all().stream().map(Preset::name).forEach(names::add);
        return names;
    }

    public ObservableList<BundledModels.Entry> bundled() {
        return bundled;
    }

    public ReadOnlyObjectProperty<ArchitectureSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObjectProperty<String> presetProperty() {
        return preset;
    }

    public BooleanProperty avdFirstProperty() {
        return avdFirst;
    }

    /** The checkpoint file of the current model; null for bundled models. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /**
     * Forgets the remembered model, folders, theme, colormap and window size: the next start opens
     * the bundled default model, as the first one did. What is open now stays open.
     */
    public void forgetSettings() {
        settings.clear();
        session.executor().announce("Settings forgotten: the next start opens the bundled default model");
    }

    public Settings settings() {
        return settings;
    }
}
