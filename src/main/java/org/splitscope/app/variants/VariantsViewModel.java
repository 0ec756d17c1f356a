package org.splitscope.app.variants;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.splitscope.analysis.AblationTable;
import org.splitscope.view.variants.VariantRun;
import org.splitscope.app.base.LatestRequest;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.figure.FileFigure;
import org.splitscope.app.session.ImageItem;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.bundled.BundledModels;
import org.splitscope.view.variants.VariantRuns;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.view.variants.VariantsFigure;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.figure.ViewData;

/**
 * The Variants view: the current image through every bundled model at once (each loaded, run and
 * closed on the session's worker, only while the view is shown), with the ablation table.
 */
public final class VariantsViewModel extends FigureViewModel {
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ReadOnlyObjectWrapper<List<VariantRun>> runs = new ReadOnlyObjectWrapper<>(this, "runs");
    private final LatestRequest latest = new LatestRequest();
    private final javafx.beans.property.ReadOnlyStringWrapper notice =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "notice", "");
    private ImageItem ranOn;
    private AblationTable ablation;
    private Consumer<Problem> problems = p -> {};

    public VariantsViewModel(Session session) {
        super(session, Views.VARIANTS, "Hover over a variant or a stage for its numbers");
        session.imageProperty().addListener((obs, old, now) -> update());
        active.addListener((obs, old, now) -> update());
    }

    /** The variants' runs and whether the image had colour. */
    private record Ran(List<VariantRun> runs, boolean converted) {}

    /** Says when the image was converted for the models (a colour photo on the grey bundled models); else "". */
    public javafx.beans.property.ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    @Override
    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    /** Whether the view is shown: five models are run only then. */
    @Override
    public BooleanProperty activeProperty() {
        return active;
    }

    private void update() {
        ImageItem item = session().imageProperty().get();
        if (item != ranOn) {
            latest.cancel();
            runs.set(null);
            ranOn = null;
            notice.set("");
            changed();
        }
        if (!active.get() || item == null || ranOn == item || latest.pending()) {
            return;
        }
        Object request = latest.begin();
        latest.submitted(request, session().executor().submit("Running " + item.name() + " through every variant",
                progress -> {
                    if (ablation == null) {
                        ablation = BundledModels.ablation();
                    }
                    var pixels = item.load();
                    java.util.Set<Integer> channels = new java.util.HashSet<>();
                    List<VariantRun> done = VariantRuns.run(item.name(), pixels, progress::isCancelled, channels);
                    return new Ran(done, channels.equals(java.util.Set.of(1)) && VariantRuns.isColour(pixels));
                }, result -> {
                    if (latest.finish(request)) {
                        ranOn = item;
                        notice.set(result.converted() ? "The bundled models see one grey channel: this colour image was converted to grey "
                                        + "(L = 0.299 R + 0.587 G + 0.114 B) before they ran. The bundled samples "
                                        + "(grey Fashion-MNIST) are what they were trained on." : "");
                        runs.set(result.runs());
                        changed();
                    }
                }, error -> {
                    latest.finish(request);
                    problems.accept(Problem.of("Running " + item.name() + " through the variants", error));
                }));
    }

    public Drawing draw(double width, FigureStyle style) {
        return draw(width, style, 0);
    }

    /** The figure; with a {@code room} (presenter mode: the visible height) laid out to fit it. */
    public Drawing draw(double width, FigureStyle style, double room) {
        List<VariantRun> r = runs.get();
        ImageItem item = session().imageProperty().get();
        return r == null ? Drawing.note(item == null ? "Open an image to run it through every bundled model."
                : "Running " + item.name() + " through every bundled model…", width, style)
                : VariantsFigure.draw(item.name(), r, ablation, new VariantsFigure.Options(session().colormapProperty()
                        .get()), width, room, style);
    }

    @Override
    public String readout(Object target) {
        List<VariantRun> r = runs.get();
        if (r == null || !(target instanceof VariantsFigure.Cell cell)) {
            return null;
        }
        VariantRun v = r.get(cell.variant());
        if (cell.stage() < 0) {
            return v.name() + " (" + v.mechanismWords() + "): " + String.join(" · ", v.top().stream().map(p -> String.format(Locale.ROOT,
                    "%s %.1f %%", p.label(), 100 * p.probability())).toList());
        }
        VariantRun.StageEnd e = v.stageEnds().get(cell.stage());
        StringBuilder line = new StringBuilder(v.notation() + " (" + v.mechanismWords() + ") · " + e.block() + ":");
        if (v.gate()) {
            line.append(String.format(Locale.ROOT, " mean gate g %.4f", e.splitMeans()[0]));
        }
        for (int s = 0; s < e.splitMeans().length && !v.gate(); s++) {
            // "split r = 1", "path 1 (3×3 dilation 2)": the mechanism's own words
            line.append(String.format(Locale.ROOT, " %s %.4f", v.words().unit(s), e.splitMeans()[s]));
        }
        return line + (Double.isNaN(e.entropy()) ? "" : String.format(Locale.ROOT, " · H %.4f", e.entropy()));
    }

    @Override
    public FigureRequest request() {
        return null; // every bundled model, not the open one: files go through fileFigure()
    }

    @Override
    public String fileName() {
        return ranOn == null ? null : "variants-" + ranOn.name().replaceAll("\\.[^.]*$", "");
    }

    @Override
    public String nothingToExport() {
        return session().imageProperty().get() == null ? super.nothingToExport()
                : "Nothing to export from the Variants view yet: the image is still running through every bundled "
                        + "variant.";
    }

    @Override
    public FileFigure fileFigure() {
        List<VariantRun> r = runs.get();
        ImageItem item = ranOn;
        if (r == null || item == null) {
            return null;
        }
        var colormap = session().colormapProperty().get();
        AblationTable table = ablation;
                return VariantsFigure.file(item.name(), () -> item.file() == null ? null
                : org.splitscope.io.Sha256.of(item.file()), r, table, colormap);
    }

    public ReadOnlyObjectProperty<List<VariantRun>> runsProperty() {
        return runs.getReadOnlyProperty();
    }
}
