package org.splitscope.app.cam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.splitscope.SplitScopeException;
import org.splitscope.view.cam.CamEvidence;
import org.splitscope.app.base.LatestRequest;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.figure.FileFigure;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.ImageItem;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.view.cam.CamMethod;
import org.splitscope.view.cam.CamResult;
import org.splitscope.view.cam.CamService;
import org.splitscope.view.cam.ClassChoice;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.Prediction;
import org.splitscope.engine.LoadedModel;
import org.splitscope.view.cam.CamFigure;
import org.splitscope.view.cam.CamRequest;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.render.AttentionScale;

/**
 * The Grad-CAM view: for the session's image and selected block, the class activation map of a
 * class (the top one, one of the top-5 or any class of the model) next to the block's split
 * contribution maps. The CAM needs a backward pass, so it runs on the session's worker — only while
 * the view is shown, only the latest request — and is kept while only the group, colormap or
 * opacity change.
 */
public final class CamViewModel extends FigureViewModel {
    /** Where in the block the gradient is taken. */
    public enum At {
        OUTPUT("block output"), SPLIT_ATTENTION("split-attention output V");

        private final String label;

        At(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A class to explain, as the class list shows it. */
    public record ClassOption(ClassChoice choice, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** What a map was computed for: the same key is not computed twice. */
    private record Key(LoadedModel model, ImageItem image, String target, ClassChoice choice, CamMethod method) {}

    private final ObjectProperty<At> at = new SimpleObjectProperty<>(this, "at", At.OUTPUT);
    private final ObjectProperty<ClassChoice> classChoice = new SimpleObjectProperty<>(this, "class", ClassChoice.TOP);
    private final ObjectProperty<CamMethod> method = new SimpleObjectProperty<>(this, "method", CamMethod.GRADCAM);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.6);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ObservableList<ClassOption> classes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CamEvidence> evidence = new ReadOnlyObjectWrapper<>(this, "evidence");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper classError = new ReadOnlyStringWrapper(this, "classError", "");
    private final LatestRequest latest = new LatestRequest();
    private Key pendingKey;
    private Key resultKey;
    private CamResult result;
    private Consumer<Problem> problems = p -> {};

    public CamViewModel(Session session) {
        super(session, Views.CAM, "Hover over the CAM or a map below it for its values there");
        session.modelProperty().addListener((obs, old, now) -> {
            classChoice.set(ClassChoice.TOP); // indices of another model
            classError.set(""); // a name the old model did not know may be the new one's
        });
        session.captureProperty().addListener((obs, old, now) -> {
            fillClasses();
            refresh();
        });
        session.blockProperty().addListener((obs, old, now) -> refresh());
        session.groupProperty().addListener((obs, old, now) -> refresh());
        at.addListener((obs, old, now) -> keep(at, old, now));
        method.addListener((obs, old, now) -> keep(method, old, now));
        classChoice.addListener((obs, old, now) -> keep(classChoice, old, now));
        active.addListener((obs, old, now) -> refresh());
        opacity.addListener((obs, old, now) -> changed());
        // A map cancelled from the status bar delivers nothing: once the worker is idle, it is over.
        session.executor().status().runningProperty().addListener((obs, was, busy) -> {
            if (!busy && latest.pending()) {
                latest.cancel();
                pendingKey = null;
                status.set("Stopped. Change the class, method or block to compute again.");
                changed();
            }
        });
        fillClasses();
        refresh();
    }

    /** A choice box cleared by the view keeps the previous value; any other change recomputes. */
    private <T> void keep(ObjectProperty<T> property, T old, T now) {
        if (now == null) {
            property.set(old);
        } else {
            refresh();
        }
    }

    @Override
    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    /** The top class, the top-5 with their probabilities, then every other class of the model. */
    private void fillClasses() {
        ImageCapture c = session().capture();
        List<ClassOption> options = new ArrayList<>();
        if (c != null && !c.top().isEmpty()) {
            Prediction best = c.top().get(0);
            options.add(new ClassOption(ClassChoice.TOP, String.format(Locale.ROOT, "top: %s (%.1f %%)",
                    best.label(), best.probability() * 100)));
            List<Integer> shown = new ArrayList<>();
            for (Prediction p : c.top()) {
                options.add(new ClassOption(ClassChoice.of(p.index()), String.format(Locale.ROOT, "%s · %.1f %%",
                        p.label(), p.probability() * 100)));
                shown.add(p.index());
            }
            List<String> labels = c.model().labels();
            for (int i = 0; i < labels.size(); i++) {
                if (!shown.contains(i)) {
                    options.add(new ClassOption(ClassChoice.of(i), i + " · " + labels.get(i)));
                }
            }
        } else {
            options.add(new ClassOption(ClassChoice.TOP, "top class"));
        }
        classes.setAll(options);
    }

    /**
     * Chooses a class typed by the user: an index or a name of the model's classes (case and
     * punctuation ignored), or "top".
     *
     * @return null, or why the text names no class
     */
    public String chooseClass(String text) {
        LoadedModel m = session().modelProperty().get();
        if (m == null || text == null || text.isBlank()) {
            return m == null ? "No model open" : null;
        }
        try {
            classChoice.set(ClassChoice.parse(text, m.labels()));
            classError.set("");
            return null;
        } catch (SplitScopeException e) {
            String why = e.getMessage().replaceFirst("^--class:? ?", "");
            classError.set(why);
            return why;
        }
    }

    /** Why the class typed last names no class of the open model; "" when it does (or after a model change). */
    public ReadOnlyStringProperty classErrorProperty() {
        return classError.getReadOnlyProperty();
    }

    /** Shows the map of the current key if it is known, else asks the worker for it (when shown). */
    private void refresh() {
        ImageCapture c = session().capture();
        BlockCapture b = session().selectedBlock();
        if (c == null || b == null) {
            latest.cancel();
            pendingKey = null;
            evidence.set(null);
            status.set("");
            changed();
            return;
        }
        CamRequest request = camRequest();
        Key key = new Key(c.model(), c.image(), request.target(), classChoice.get(), method.get());
        if (key.equals(resultKey)) {
            latest.cancel();
            pendingKey = null;
            evidence.set(CamEvidence.of(result, 0, c.result().logits(0), b, request.group(b)));
            status.set("");
            changed();
            return;
        }
        evidence.set(null);
        if (!active.get()) {
            status.set("The map is computed when this view is shown.");
        } else if (!(latest.pending() && key.equals(pendingKey))) {
            compute(c, key);
        }
        changed();
    }

    private void compute(ImageCapture c, Key key) {
        String what = key.method().displayName() + " at " + key.target();
        status.set("Computing " + what + "…");
        pendingKey = key;
        Object request = latest.begin();
        latest.submitted(request, session().executor().submit(what, progress ->
                CamService.compute(key.model(), List.of(c.sample()), key.target(), key.choice(), key.method()),
                computed -> {
                    if (latest.finish(request)) {
                        pendingKey = null;
                        result = computed;
                        resultKey = key;
                        refresh();
                    }
                }, error -> {
                    if (latest.finish(request)) {
                        pendingKey = null;
                        status.set("Could not compute " + what + ".");
                        changed();
                        problems.accept(Problem.of("Computing " + what, error));
                    }
                }));
    }

    /** The figure as the window shows it: a note while the map is computed, null before the first capture. */
    public Drawing draw(double width, FigureStyle style, double maxPanel) {
        ImageCapture c = session().capture();
        CamEvidence e = evidence.get();
        if (c == null || session().selectedBlock() == null) {
            return null;
        }
        if (e == null) {
            return Drawing.note(status.get(), width, style);
        }
        return CamFigure.draw(e, c.input(), new CamFigure.Options(session().colormapProperty().get(), opacity.get(),
                maxPanel), width, style);
    }

    @Override
    public String readout(Object target) {
        CamEvidence e = evidence.get();
        return e == null ? null : CamReadouts.of(e, target);
    }

    @Override
    public FigureRequest request() {
        FigureRequest r = baseRequest();
        return r == null ? null : r.withHeatmap(AttentionScale.FIXED, opacity.get());
    }

    /** The request with this view's class, method and place in the block; null before the first capture. */
    public CamRequest camRequest() {
        FigureRequest r = request();
        return r == null ? null : new CamRequest(r, classChoice.get(), method.get(), at.get() == At.SPLIT_ATTENTION);
    }

    @Override
    public FileFigure fileFigure() {
        CamEvidence e = evidence.get();
        ImageCapture c = session().capture();
        CamRequest r = camRequest();
        if (e == null || c == null || r == null) {
            return null;
        }
        return r.file(e, c.input(), org.splitscope.app.figure.CaptureOrigin.of(c));
    }

    @Override
    public String fileName() {
        CamEvidence e = evidence.get();
        ImageCapture c = session().capture();
        if (e == null || c == null) {
            return null;
        }
        String image = c.image().name().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        return "cam-" + e.target() + "-" + e.explained().label() + "-" + image;
    }

    public ObjectProperty<At> atProperty() {
        return at;
    }

    /** The class explained: {@link ClassChoice#TOP} or one class. */
    public ObjectProperty<ClassChoice> classChoiceProperty() {
        return classChoice;
    }

    public ObjectProperty<CamMethod> methodProperty() {
        return method;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    /** Whether the view is shown: maps are computed only then (the main view model binds it). */
    @Override
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The classes to choose from, the top class and the top-5 first. */
    public ObservableList<ClassOption> classes() {
        return classes;
    }

    /** The map and the split maps shown; null while computing. */
    public ReadOnlyObjectProperty<CamEvidence> evidenceProperty() {
        return evidence.getReadOnlyProperty();
    }

    /** What the view says while there is no map ("Computing Grad-CAM at layer2.0…"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
