package org.splitscope.app.compare;

import org.splitscope.view.Origin;
import org.splitscope.view.compare.CompareData;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.splitscope.view.compare.AttentionComparison;
import org.splitscope.view.compare.ScaleProfile;
import org.splitscope.app.base.LatestRequest;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.figure.FileFigure;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.ImageItem;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.Interventions;
import org.splitscope.view.compare.Comparisons;
import org.splitscope.figure.BlockChart;
import org.splitscope.view.compare.CompareFigure;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.figure.ViewData;
import org.splitscope.input.Samples;

/**
 * Two images side by side (the current one and a second from the strip), or the current one at
 * three scales: the second capture runs on the session's worker; a newer request drops an older one.
 */
public final class CompareViewModel extends FigureViewModel {
    /** What the view compares the current image with. */
    public enum Mode { IMAGE, SCALES }

    private final ObservableList<ImageItem> strip;
    private final ObjectProperty<ImageItem> other = new SimpleObjectProperty<>(this, "other");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.IMAGE);
    private final ReadOnlyObjectWrapper<List<BlockCapture>> otherBlocks = new ReadOnlyObjectWrapper<>(this, "otherBlocks");
    private final ReadOnlyObjectWrapper<ScaleProfile> scales = new ReadOnlyObjectWrapper<>(this, "scales");
    private final LatestRequest latest = new LatestRequest();
    private Consumer<Problem> problems = p -> {};

    public CompareViewModel(Session session, ObservableList<ImageItem> strip) {
        super(session, Views.COMPARE, "Hover over a cell or a block for the numbers; click a block to select it");
        this.strip = strip;
        session.captureProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || old.image() != now.image() || old.model() != now.model()) {
                recompute();
            }
        });
        session.blockProperty().addListener((obs, old, now) -> changed());
        other.addListener((obs, old, now) -> recompute());
        mode.addListener((obs, old, now) -> recompute());
    }

    @Override
    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    private void recompute() {
        latest.cancel();
        otherBlocks.set(null);
        scales.set(null);
        changed();
        ImageCapture c = session().capture();
        if (c == null) {
            return;
        }
        Object request = latest.begin();
        if (mode.get() == Mode.SCALES) {
            latest.submitted(request, session().executor().submit("Capturing " + c.image().name() + " at 1×, 1.5×, 2×",
                    progress -> Comparisons.scales(c.model(), c.image().name(), c.image().load(),
                            progress::isCancelled, forced(c)), profile -> {
                        if (latest.finish(request)) {
                            scales.set(profile);
                            changed();
                        }
                    }, error -> {
                        latest.finish(request);
                        problems.accept(Problem.of("Capturing " + c.image().name() + " at three scales", error));
                    }));
            return;
        }
        ImageItem item = other.get();
        if (item == null) {
            latest.finish(request);
            return;
        }
        latest.submitted(request, session().executor().submit("Capturing " + item.name() + " to compare",
                progress -> Comparisons.blocks(c.model(), Samples.of(item.name(), item.load(), c.model().preprocessing()),
                        progress::isCancelled, forced(c)), blocks -> {
            if (latest.finish(request)) {
                otherBlocks.set(blocks);
                changed();
            }
        }, error -> {
            latest.finish(request);
            problems.accept(Problem.of("Capturing " + item.name(), error));
        }));
    }

    /** The attention forced in the current image's capture: the second image (or the crops) get the same. */
    private static Interventions forced(ImageCapture c) {
        return c.intervened() == null ? Interventions.NONE : c.intervened().interventions();
    }

    /** What is drawn now: a comparison, a scale profile, or null. */
    private Object figureData() {
        ImageCapture c = session().capture();
        String block = session().blockProperty().get();
        if (c == null || block == null) {
            return null;
        }
        if (mode.get() == Mode.SCALES) {
            return scales.get();
        }
        List<BlockCapture> b = otherBlocks.get();
        if (b == null || other.get() == null) {
            return null;
        }
        // drawn and hovered many times per selection: compared once per pair of captures and block
        if (compared == null || compared.b() != b || compared.a() != c.result().blocks() || !compared.block().equals(block)) {
            compared = new Compared(c.result().blocks(), b, block, AttentionComparison.of(c.image().name(),
                    c.result().blocks(), other.get().name(), b, block));
        }
        return compared.comparison();
    }

    private record Compared(List<BlockCapture> a, List<BlockCapture> b, String block, AttentionComparison comparison) {}

    private Compared compared;

    private int selectedIndex(List<String> blocks) {
        return blocks.indexOf(session().blockProperty().get());
    }

    public Drawing draw(double width, FigureStyle style) {
        Object data = figureData();
        if (data instanceof AttentionComparison cmp) {
            return CompareFigure.draw(cmp, new CompareFigure.Options(session().colormapProperty().get(),
                    selectedIndex(cmp.blocks())), width, style);
        }
        if (data instanceof ScaleProfile p) {
            return CompareFigure.scales(p, new CompareFigure.Options(session().colormapProperty().get(),
                    selectedIndex(p.blocks())), width, style);
        }
        return Drawing.note(mode.get() == Mode.SCALES ? "Capturing the centre crops…"
                : other.get() == null ? "Choose a second image from the strip to compare the attention of the selected "
                        + "block, or Scales for the same image enlarged 1×, 1.5× and 2× (SKNet's experiment)."
                        : "Capturing " + other.get().name() + "…", width, style);
    }

    /** Selects the block of a clicked point of the depth chart. */
    public void click(Object target) {
        Object data = figureData();
        List<String> blocks = data instanceof AttentionComparison cmp ? cmp.blocks()
                : data instanceof ScaleProfile p ? p.blocks() : null;
        if (target instanceof BlockChart.Point point && blocks != null) {
            session().blockProperty().set(blocks.get(point.block()));
        }
    }

    @Override
    public String readout(Object target) {
        Object data = figureData();
        if (data instanceof AttentionComparison cmp) {
            if (target instanceof CompareFigure.Cell cell) {
                float a = cmp.a().weight(cell.group(), cell.split(), cell.channel());
                float b = cmp.b().weight(cell.group(), cell.split(), cell.channel());
                // "split r = 1", "path 1 (3×3 dilation 2)", "gate": the row in the block's own words
                return String.format(Locale.ROOT, "%s · k = %d · %s · c = %d: %s %.4f, %s %.4f, Δ %+.4f",
                        cmp.a().block(), cell.group(), cmp.a().words().unit(cell.split()), cell.channel(), cmp.first(),
                        a, cmp.second(), b, b - a);
            }
            if (target instanceof BlockChart.Point p) {
                return String.format(Locale.ROOT, "%s: mean |Δ%s| %.4f", cmp.blocks().get(p.block()),
                        CompareFigure.weight(cmp.a().words()),
                        cmp.distance()[p.block()]);
            }
        }
        if (data instanceof ScaleProfile sp && target instanceof BlockChart.Point p) {
            StringBuilder line = new StringBuilder(sp.blocks().get(p.block()));
            for (int i = 0; i < sp.scales().size(); i++) {
                line.append(String.format(Locale.ROOT, " · %.1f×:", sp.scales().get(i)));
                for (double v : sp.means()[i][p.block()]) {
                    line.append(String.format(Locale.ROOT, " %.4f", v));
                }
            }
            return line.toString();
        }
        return null;
    }

    @Override
    public FigureRequest request() {
        return null; // two captures, not one: files go through fileFigure()
    }

    @Override
    public String fileName() {
        ImageCapture c = session().capture();
        return c == null ? null : "compare-" + session().blockProperty().get() + "-" + c.image().name()
                + (mode.get() == Mode.SCALES ? "-scales" : other.get() == null ? "" : "-" + other.get().name());
    }

    @Override
    public String nothingToExport() {
        return session().capture() == null ? super.nothingToExport()
                : "Nothing to export from the Compare view: choose a second image from the strip (or Scales) and "
                        + "wait for its capture.";
    }

    @Override
    public FileFigure fileFigure() {
        Object data = figureData();
        ImageCapture c = session().capture();
        if (data == null || c == null) {
            return null;
        }
        var colormap = session().colormapProperty().get();
        String block = session().blockProperty().get();
        String image = data instanceof AttentionComparison cmp ? cmp.first() + " vs " + cmp.second()
                : c.image().name() + " at 1×, 1.5×, 2×";
                return CompareFigure.file(data, block, colormap, new Origin(c.model(), image, () -> null, c.forced()));
    }

    public ObservableList<ImageItem> strip() {
        return strip;
    }

    /** The second image (from the strip). */
    public ObjectProperty<ImageItem> otherProperty() {
        return other;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ReadOnlyObjectProperty<ScaleProfile> scalesProperty() {
        return scales.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<BlockCapture>> otherBlocksProperty() {
        return otherBlocks.getReadOnlyProperty();
    }
}
