package org.splitscope.app.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.splitscope.SplitScopeException;
import org.splitscope.app.Settings;
import org.splitscope.app.TaskExecutor;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.engine.Engines;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.model.Preset;
import org.splitscope.model.Presets;
import org.splitscope.models.BundledModels;

/**
 * Opening models: a checkpoint file (with an optional preset and the avd-first switch, which the
 * weights cannot show), or one of the bundled models. A model that fails to load leaves the current
 * one in place.
 */
public final class ModelViewModel {
    /** The preset choice that means "read the architecture off the weights". */
    public static final String FROM_WEIGHTS = "from the weights";

    private final Session session;
    private final Settings settings;
    private final ObservableList<BundledModels.Entry> bundled = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ArchitectureSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ObjectProperty<String> preset = new SimpleObjectProperty<>(this, "preset", FROM_WEIGHTS);
    private final BooleanProperty avdFirst = new SimpleBooleanProperty(this, "avdFirst");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final javafx.beans.property.ReadOnlyBooleanWrapper loading =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "loading");
    private Consumer<Problem> problems = p -> {};
    private String origin = "";

    public ModelViewModel(Session session, Settings settings) {
        this.session = session;
        this.settings = settings;
        session.modelProperty().addListener((obs, old, now) ->
                summary.set(now == null ? null : ArchitectureSummary.of(now, origin)));
        bundled.setAll(availableBundled());
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

    /** Opens a checkpoint file with the current preset and avd-first choices. */
    public void open(Path checkpoint) {
        String chosen = FROM_WEIGHTS.equals(preset.get()) ? null : preset.get();
        boolean avd = avdFirst.get();
        load("Opening " + checkpoint.getFileName(), checkpoint.getFileName().toString(), () -> checkpoint, chosen,
                avd, loaded -> {
                    file.set(loaded.file());
                    // show what the model is (a self-describing file can be avd-first without the switch)
                    avdFirst.set(loaded.config().avdFirst());
                    settings.setLastModel(new Settings.LastModel(loaded.file(), chosen, avd));
                });
        if (checkpoint.getParent() != null) {
            settings.setModelFolder(checkpoint.toAbsolutePath().getParent());
        }
    }

    /** Loads the current file again with the preset and avd-first now chosen. */
    public void reload() {
        if (file.get() != null) {
            open(file.get());
        }
    }

    public void openBundled(BundledModels.Entry entry) {
        load("Opening " + entry.title(), "bundled: " + entry.title(), () -> BundledModels.file(entry), null, false,
                loaded -> {
                    file.set(null);
                    avdFirst.set(loaded.config().avdFirst());
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

    private interface Source {
        Path file() throws SplitScopeException;
    }

    /** @param remember what to note once the model is in use */
    private void load(String title, String from, Source source, String presetName, boolean avd,
            Consumer<LoadedModel> remember) {
        loading.set(true);
        session.executor().submit(title, progress -> {
            progress.update(-1, "Reading the weights");
            Path path = source.file();
            ModelLoader.requireFile(path);
            var device = Engines.device("auto");
            return ModelLoader.load(new ModelLoader.Request(path, presetName, avd, null, device));
        }, loaded -> {
            loading.set(false);
            LoadedModel old = session.modelProperty().get();
            origin = from;
            remember.accept(loaded);
            session.modelProperty().set(loaded);
            if (old != null) {
                // Queued behind any capture still using it.
                session.executor().submit("Closing " + old.name(), progress -> {
                    old.close();
                    return null;
                }, x -> {}, e -> {});
            }
        }, error -> {
            loading.set(false);
            problems.accept(Problem.of(title, error));
        });
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

    public Settings settings() {
        return settings;
    }
}
