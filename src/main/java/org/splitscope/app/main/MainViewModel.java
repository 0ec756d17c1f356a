package org.splitscope.app.main;

import org.splitscope.app.figure.FigureViewModel;
import java.util.Objects;
import java.util.Map;
import java.util.LinkedHashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.app.base.Settings;
import org.splitscope.app.base.StartOptions;
import org.splitscope.app.base.TaskExecutor;
import org.splitscope.app.blocks.BlocksViewModel;
import org.splitscope.app.export.ExportViewModel;
import org.splitscope.app.featuremaps.FeatureMapsViewModel;
import org.splitscope.app.compare.CompareViewModel;
import org.splitscope.app.walkthrough.WalkthroughViewModel;
import org.splitscope.app.dataset.DatasetViewModel;
import org.splitscope.app.gap.GapViewModel;
import org.splitscope.app.intervene.InterventionsViewModel;
import org.splitscope.app.heatmap.HeatmapViewModel;
import org.splitscope.app.images.ImagesViewModel;
import org.splitscope.app.picker.ModelViewModel;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.input.ImageLoader;
import org.splitscope.render.Colormap;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;

/**
 * The whole explorer as view models: one session shared by the feature view models, the start-up
 * sequence, drops and the error channel. Knows no JavaFX nodes.
 */
public final class MainViewModel {
    /** What the centre of the window shows. */
    public enum State {
        /** No model: "Open a checkpoint…". */
        NO_MODEL,
        /** A model is being opened: nothing of the previous one is shown meanwhile. */
        OPENING,
        /** A model, no image: "Open an image…". */
        NO_IMAGE,
        /** Waiting for the first capture of the image. */
        CAPTURING,
        /** No capture and none running: it was cancelled or failed ("Run again"). */
        STOPPED,
        /** Captured, but the model has no split-attention block (radix 0): predictions only. */
        NO_ATTENTION,
        READY
    }

    private static final Set<String> CHECKPOINT_EXTENSIONS = Set.of("safetensors", "pth", "pt", "ckpt", "bin", "params");

    private final Settings settings;
    private final Session session;
    private final ModelViewModel model;
    private final ImagesViewModel images;
    private final BlocksViewModel blocks;
    private final HeatmapViewModel heatmap;
    private final org.splitscope.app.splitbars.SplitBarsViewModel splitBars;
    private final FeatureMapsViewModel featureMaps;
    private final GapViewModel gap;
    private final org.splitscope.app.depth.DepthViewModel depth;
    private final DatasetViewModel dataset;
    private final InterventionsViewModel interventions;
    private final CompareViewModel compare;
    private final org.splitscope.app.variants.VariantsViewModel variants;
    private final org.splitscope.app.cam.CamViewModel cam;
    private final WalkthroughViewModel walkthrough;
    private final ExportViewModel export;
    private final Map<ViewSpec, FigureViewModel> tabs;
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final ObjectProperty<ViewSpec> view = new SimpleObjectProperty<>(this, "view", Views.HEATMAPS);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NO_MODEL);
    private javafx.beans.binding.StringBinding forcedBanner;

    public MainViewModel(TaskExecutor executor, Settings settings) {
        this.settings = settings;
        this.session = new Session(executor);
        this.model = new ModelViewModel(session, settings);
        this.images = new ImagesViewModel(session, settings);
        this.blocks = new BlocksViewModel(session);
        this.heatmap = new HeatmapViewModel(session);
        this.splitBars = new org.splitscope.app.splitbars.SplitBarsViewModel(session);
        this.featureMaps = new FeatureMapsViewModel(session);
        this.gap = new GapViewModel(session);
        this.depth = new org.splitscope.app.depth.DepthViewModel(session);
        this.dataset = new DatasetViewModel(session);
        this.interventions = new InterventionsViewModel(session);
        this.compare = new CompareViewModel(session, images.images());
        this.variants = new org.splitscope.app.variants.VariantsViewModel(session);
        this.cam = new org.splitscope.app.cam.CamViewModel(session);
        this.walkthrough = new WalkthroughViewModel(session);
        this.export = new ExportViewModel(session, settings);
        session.setProblemHandler(problem::set);
        model.setProblemHandler(problem::set);
        images.setProblemHandler(problem::set);
        export.setProblemHandler(problem::set);
        this.tabs = tabs(); // in the registry's tab order
        for (Map.Entry<ViewSpec, FigureViewModel> tab : tabs.entrySet()) {
            tab.getValue().setProblemHandler(problem::set);
            // Grad-CAM, Variants and Walkthrough run their extra passes only for the view shown.
            tab.getValue().activeProperty().bind(view.isEqualTo(tab.getKey()));
        }

        state.bind(Bindings.createObjectBinding(() -> model.loadingProperty().get() ? State.OPENING
                        : session.modelProperty().get() == null ? State.NO_MODEL
                        : session.imageProperty().get() == null ? State.NO_IMAGE
                        : session.capture() == null
                                ? (executor.status().isRunning() ? State.CAPTURING : State.STOPPED)
                        : session.capture().result().blocks().isEmpty() ? State.NO_ATTENTION : State.READY,
                model.loadingProperty(), session.modelProperty(), session.imageProperty(), session.captureProperty(),
                executor.status().runningProperty()));

        // A readout belongs to the view it was read from.
        view.addListener((obs, old, now) -> tabs.values().forEach(tab -> tab.readout().clear()));
        session.darkProperty().set(settings.dark());
        session.darkProperty().addListener((obs, old, now) -> settings.setDark(now));
        for (Colormap c : Colormap.values()) {
            if (c.name().equalsIgnoreCase(settings.colormap())) {
                session.colormapProperty().set(c);
            }
        }
        session.colormapProperty().addListener((obs, old, now) -> settings.setColormap(now.name()));
    }

    /** Each tab's view model, in the registry's tab order. */
    private Map<ViewSpec, FigureViewModel> tabs() {
        Map<ViewSpec, FigureViewModel> all = Map.ofEntries(Map.entry(Views.HEATMAPS, heatmap),
                Map.entry(Views.SPLITBARS, splitBars), Map.entry(Views.FEATUREMAPS, featureMaps), Map.entry(Views.GAP, gap),
                Map.entry(Views.DEPTH, depth), Map.entry(Views.COMPARE, compare), Map.entry(Views.CAM, cam),
                Map.entry(Views.VARIANTS, variants), Map.entry(Views.INTERVENTIONS, interventions),
                Map.entry(Views.DATASET, dataset), Map.entry(Views.WALKTHROUGH, walkthrough));
        Map<ViewSpec, FigureViewModel> ordered = new LinkedHashMap<>();
        Views.tabs().forEach(v -> ordered.put(v, Objects.requireNonNull(all.get(v), v.id())));
        return ordered;
    }

    /** The view model of the tab {@code view}. */
    public FigureViewModel tab(ViewSpec view) {
        return tabs.get(view);
    }

    /**
     * Opens what the explorer starts on: the model named by the options, else the last one, else the
     * bundled default (else nothing: the empty state); the samples; the image named by the options.
     */
    public void start(StartOptions options) {
        if (options.dark() != null) {
            session.darkProperty().set(options.dark());
        }
        if (options.view() != null) {
            view.set(Views.tab(options.view()));
        }
        if (options.block() != null) {
            session.blockProperty().set(options.block());
        }
        if (options.model() != null) {
            model.open(options.model());
        } else if (settings.lastModel().isPresent()) {
            Settings.LastModel last = settings.lastModel().get();
            model.open(last.file(), new ModelViewModel.Choice(last.preset(), last.avdFirst()));
        } else if (settings.lastBundled().map(model::openBundled).orElse(false)) {
            // opened the bundled model used last
        } else {
            model.openDefault();
        }
        if (options.image() != null) {
            images.add(List.of(options.image()));
        }
        images.addSamples();
        // Queued after the model opens (one executor), so an analysis runs the model just opened.
        if (options.stats() != null) {
            view.set(Views.DATASET);
            dataset.open(options.stats());
        }
        if (options.analyze() != null) {
            view.set(Views.DATASET);
            session.executor().submit(null, p -> null, ignored -> dataset.analyze(options.analyze()), e -> {});
        }
    }

    /** Dropped or pasted files: a checkpoint opens as the model, images and folders join the strip. */
    public void open(List<Path> paths) {
        List<Path> imageFiles = new ArrayList<>();
        Path checkpoint = null;
        for (Path p : paths) {
            if (isCheckpoint(p)) {
                checkpoint = checkpoint == null ? p : checkpoint;
            } else {
                imageFiles.add(p);
            }
        }
        if (checkpoint != null) {
            model.open(checkpoint);
        }
        if (!imageFiles.isEmpty()) {
            images.add(imageFiles);
        }
    }

    public static boolean isCheckpoint(Path p) {
        if (Files.isDirectory(p) || ImageLoader.isImageFile(p)) {
            return false;
        }
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && CHECKPOINT_EXTENSIONS.contains(name.substring(dot + 1));
    }

    public void toggleTheme() {
        session.darkProperty().set(!session.darkProperty().get());
    }

    public Settings settings() {
        return settings;
    }

    public Session session() {
        return session;
    }

    public ModelViewModel model() {
        return model;
    }

    public ImagesViewModel images() {
        return images;
    }

    public BlocksViewModel blocks() {
        return blocks;
    }

    public HeatmapViewModel heatmap() {
        return heatmap;
    }

    public org.splitscope.app.splitbars.SplitBarsViewModel splitBars() {
        return splitBars;
    }

    public FeatureMapsViewModel featureMaps() {
        return featureMaps;
    }

    public GapViewModel gap() {
        return gap;
    }

    public org.splitscope.app.depth.DepthViewModel depth() {
        return depth;
    }

    public DatasetViewModel dataset() {
        return dataset;
    }

    /** "attention forced: all blocks uniform" over every view while an intervention is active, else "". */
    public javafx.beans.binding.StringBinding forcedBanner() {
        if (forcedBanner == null) {
            forcedBanner = ForcedBanner.of(session, view);
        }
        return forcedBanner;
    }

    public InterventionsViewModel interventions() {
        return interventions;
    }

    public WalkthroughViewModel walkthrough() {
        return walkthrough;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public org.splitscope.app.variants.VariantsViewModel variants() {
        return variants;
    }

    public org.splitscope.app.cam.CamViewModel cam() {
        return cam;
    }

    public ExportViewModel export() {
        return export;
    }

    /** The last error, for the dialog; the view sets it back to null once shown. */
    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public ObjectProperty<ViewSpec> viewProperty() {
        return view;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }
}
