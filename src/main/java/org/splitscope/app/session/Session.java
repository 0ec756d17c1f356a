package org.splitscope.app.session;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.splitscope.analysis.AttentionEntropy;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.app.base.LatestRequest;
import org.splitscope.app.base.TaskExecutor;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.capture.Intervention;
import org.splitscope.capture.Interventions;
import org.splitscope.capture.Prediction;
import org.splitscope.engine.LoadedModel;
import org.splitscope.figure.FigureStyle;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;
import org.splitscope.view.interventions.InterventionResult;
import org.splitscope.view.interventions.InterventionRunner;
import org.splitscope.model.ResidualBlock;
import org.splitscope.render.Colormap;
import org.splitscope.render.InputImages;

/**
 * The state every view shares: the model, the image, its capture, and the selection (block,
 * cardinal group, split) and colormap. The network runs only when the model or the image changes;
 * selection and colormap changes only redraw. Knows no JavaFX nodes.
 */
public final class Session {
    /** Above this many split-attention blocks, split maps are captured per selected block, on demand. */
    public static final int EAGER_SPLIT_LIMIT = 60;

    private final TaskExecutor executor;
    private final ObjectProperty<LoadedModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<ImageItem> image = new SimpleObjectProperty<>(this, "image");
    private final ReadOnlyObjectWrapper<ImageCapture> capture = new ReadOnlyObjectWrapper<>(this, "capture");
    private final StringProperty block = new SimpleStringProperty(this, "block");
    private final IntegerProperty group = new SimpleIntegerProperty(this, "group", SplitContributions.ALL_GROUPS);
    private final IntegerProperty split = new SimpleIntegerProperty(this, "split", 0);
    private final ObjectProperty<Colormap> colormap = new SimpleObjectProperty<>(this, "colormap", Colormap.VIRIDIS);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter");
    private final javafx.beans.binding.ObjectBinding<FigureStyle> style = javafx.beans.binding.Bindings.createObjectBinding(
            () -> presenter.get() ? FigureStyle.presenter() : FigureStyle.screen(dark.get()), dark, presenter);
    private final ObjectProperty<List<Intervention>> interventions =
            new SimpleObjectProperty<>(this, "interventions", List.of());
    private final ReadOnlyIntegerWrapper forwards = new ReadOnlyIntegerWrapper(this, "forwards");
    private final Set<String> splitsRequested = new HashSet<>();
    private int eagerSplitLimit = EAGER_SPLIT_LIMIT;
    private TaskExecutor.Handle running;
    private final LatestRequest splits = new LatestRequest();
    private String splitsBlock; // the block of the split maps in flight
    private Consumer<Problem> problems = p -> {};

    public Session(TaskExecutor executor) {
        this.executor = executor;
        model.addListener((obs, old, now) -> {
            interventions.set(List.of()); // another network: its blocks may not exist
            recapture();
        });
        interventions.addListener((obs, old, now) -> {
            if (now == null) {
                interventions.set(List.of());
            } else if (!now.equals(old)) {
                recapture();
            }
        });
        image.addListener((obs, old, now) -> recapture());
        block.addListener((obs, old, now) -> {
            clampSelection();
            requestSplits();
        });
        // Split maps cancelled from the status bar deliver nothing: once the worker is idle, they are over.
        executor.status().runningProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                cancelSplits();
            }
        });
        colormap.addListener((obs, old, now) -> {
            if (now == null) {
                colormap.set(old == null ? Colormap.VIRIDIS : old);
            }
        });
    }

    /** Changes {@link #EAGER_SPLIT_LIMIT} (tests of the on-demand path use tiny models). */
    public void setEagerSplitLimit(int blocks) {
        this.eagerSplitLimit = blocks;
    }

    /** Where failed captures are reported. */
    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    /** The split-attention blocks of the model (radix ≥ 1), in forward order. */
    public List<ResidualBlock> attentionBlocks() {
        LoadedModel m = model.get();
        return m == null ? List.of() : attentionBlocks(m);
    }

    static List<ResidualBlock> attentionBlocks(LoadedModel m) {
        return m.network().attentionBlocks();
    }

    /**
     * Runs the network again for the current model and image: the one place the session's capture
     * starts (split maps join it block by block later; Compare, Variants, Walkthrough and Grad-CAM
     * run forwards of their own). The
     * capture of the previous model or image is dropped at once: the views show the capturing state
     * rather than one image's attention under another's name.
     */
    public void recapture() {
        if (running != null) {
            running.cancel();
        }
        cancelSplits();
        splitsRequested.clear();
        capture.set(null);
        LoadedModel m = model.get();
        ImageItem item = image.get();
        if (m == null || item == null) {
            return;
        }
        List<Intervention> forced = interventions.get();
        List<ResidualBlock> blocks = attentionBlocks(m);
        Set<String> eager = new HashSet<>();
        if (blocks.size() <= eagerSplitLimit) {
            blocks.forEach(b -> eager.add(b.name()));
        } else if (block.get() != null) {
            eager.add(block.get());
        }
        running = executor.submit("Capturing " + item.name(), progress -> {
            progress.update(-1, "Reading " + item.name());
            BufferedImage pixels = item.load();
            Sample sample = Samples.of(item.name(), pixels, m.preprocessing());
            progress.update(-1, "Running " + m.name() + " on " + item.name());
            if (forced.isEmpty()) {
                return assemble(m, item, sample, CaptureService.capture(m, List.of(sample), eager, progress::isCancelled),
                        null);
            }
            InterventionResult compared = InterventionRunner.compare(m, sample, forced, eager, progress::isCancelled);
            return assemble(m, item, sample, compared.after(), compared);
        }, result -> {
            forwards.set(forwards.get() + 1);
            executor.announce(String.format(java.util.Locale.ROOT, "Captured %s in %.0f ms", item.name(),
                    result.result().forwardMs() + result.result().hostCopyMs()));
            capture.set(result);
            if (block.get() == null || !result.hasBlock(block.get())) {
                block.set(defaultBlock(result));
            }
            clampSelection();
            requestSplits();
        }, error -> {
            capture.set(null);
            problems.accept(Problem.of("Capturing " + item.name(), error));
        });
    }

    static ImageCapture assemble(LoadedModel m, ImageItem item, Sample sample, CaptureResult result,
            InterventionResult intervened) {
        int size = (int) sample.shape()[1];
        Map<String, Double> entropy = new LinkedHashMap<>();
        for (BlockCapture b : result.blocks()) {
            entropy.put(b.name(), AttentionEntropy.normalized(b, 0));
        }
        List<Prediction> top = Prediction.top(result.logits(0), Math.min(5, result.classes()), m.labels());
        return new ImageCapture(m, item, sample,
                InputImages.fromTensor(sample.data(), size, (int) sample.shape()[2], m.preprocessing()), result, top,
                entropy, Map.of(), intervened);
    }

    /** The block the views open on (chosen where {@code figure} chooses it too). */
    private static String defaultBlock(ImageCapture c) {
        return org.splitscope.view.Views.defaultBlock(c.result().blocks().stream().map(BlockCapture::name).toList());
    }

    /**
     * Captures the selected block's split maps if the first capture left them out (large models).
     * Only the latest block matters: a request for a block no longer selected is cancelled — dropped
     * if it has not started, stopped at the next block boundary if it has.
     */
    private void requestSplits() {
        ImageCapture current = capture.get();
        String name = block.get();
        if (splits.pending() && name != null && name.equals(splitsBlock)) {
            return; // already on its way
        }
        cancelSplits();
        if (current == null || name == null || !current.hasBlock(name) || current.hasSplits(name)
                || !splitsRequested.add(name)) {
            return;
        }
        TaskExecutor.Handle owner = running;
        Object request = splits.begin();
        splitsBlock = name;
        splits.submitted(request, executor.submit("Split maps of " + name, progress -> {
            Interventions forced = current.intervened() == null ? Interventions.NONE
                    : current.intervened().interventions();
            CaptureResult result = CaptureService.capture(current.model(), List.of(current.sample()), Set.of(name),
                    progress::isCancelled, forced);
            return result.block(name);
        }, blockCapture -> {
            splits.finish(request);
            ImageCapture now = capture.get();
            if (owner == running && now != null && now.image() == current.image() && now.model() == current.model()) {
                forwards.set(forwards.get() + 1);
                capture.set(now.withSplits(blockCapture));
            }
        }, error -> {
            splits.finish(request);
            splitsRequested.remove(name);
            problems.accept(Problem.of("Capturing the split maps of " + name, error));
        }));
    }

    private void cancelSplits() {
        if (splits.pending()) {
            splits.cancel();
            splitsRequested.remove(splitsBlock); // may be asked for again when selected again
        }
    }

    /** Keeps group and split within the selected block's K and R. */
    private void clampSelection() {
        ImageCapture c = capture.get();
        String name = block.get();
        if (c == null || name == null || !c.hasBlock(name)) {
            return;
        }
        BlockCapture b = c.block(name);
        if (group.get() >= b.cardinality() || group.get() < SplitContributions.ALL_GROUPS) {
            group.set(SplitContributions.ALL_GROUPS);
        }
        if (split.get() >= b.radix() || split.get() < FeatureMaps.FUSED) {
            split.set(0);
        }
    }

    /** The selected block's capture, or null. */
    public BlockCapture selectedBlock() {
        ImageCapture c = capture.get();
        String name = block.get();
        return c == null || name == null || !c.hasBlock(name) ? null : c.block(name);
    }

    public ObjectProperty<LoadedModel> modelProperty() {
        return model;
    }

    public ObjectProperty<ImageItem> imageProperty() {
        return image;
    }

    public ReadOnlyObjectProperty<ImageCapture> captureProperty() {
        return capture.getReadOnlyProperty();
    }

    public ImageCapture capture() {
        return capture.get();
    }

    public StringProperty blockProperty() {
        return block;
    }

    /** A cardinal group k, or {@link SplitContributions#ALL_GROUPS}. */
    public IntegerProperty groupProperty() {
        return group;
    }

    /** A split r, or {@link FeatureMaps#FUSED} for the fused output V. */
    public IntegerProperty splitProperty() {
        return split;
    }

    public ObjectProperty<Colormap> colormapProperty() {
        return colormap;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Forwards run so far (tests check that selection changes add none). */
    public ReadOnlyIntegerProperty forwardsProperty() {
        return forwards.getReadOnlyProperty();
    }

    /**
     * Attention forced in some blocks for every capture of this model (empty: none). The views draw
     * the forced attention; the capture also holds the image without them for comparison.
     */
    public ObjectProperty<List<Intervention>> interventionsProperty() {
        return interventions;
    }

    /** Presenter mode: large, high-contrast figures (see {@link FigureStyle#presenter()}). */
    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** How the window draws figures now: the theme's screen style, or the presenter's. */
    public javafx.beans.value.ObservableValue<FigureStyle> styleProperty() {
        return style;
    }

    public FigureStyle style() {
        return style.get();
    }

    public TaskExecutor executor() {
        return executor;
    }
}
