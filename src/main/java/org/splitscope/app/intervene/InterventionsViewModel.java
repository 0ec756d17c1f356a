package org.splitscope.app.intervene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.figure.FileFigure;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.capture.Intervention;
import org.splitscope.capture.Prediction;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.knockout.KnockoutFigure;
import org.splitscope.figure.Provenance;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.figure.ViewData;
import org.splitscope.view.interventions.InterventionResult;
import org.splitscope.view.knockout.KnockoutResult;
import org.splitscope.view.knockout.KnockoutSweep;
import org.splitscope.model.ResidualBlock;

/**
 * The Interventions view: choose a block (or all) and a mode, add it to the session's
 * interventions (every view then draws the forced attention), and compare the top-5 before and
 * after with each class's change of logit; and the knock-out sweep of the current image, one block
 * at a time, drawn as {@link KnockoutFigure}.
 */
public final class InterventionsViewModel extends FigureViewModel {
    /** What replaces the attention: the three modes of {@link Intervention.Mode}. */
    public enum Kind {
        UNIFORM("uniform: every split 1/R"), ONEHOT("one split only"), SCALE("scale one split");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * The mode in the open model's words: SE/ECA gates ("uniform: gate 1 (no gate)", "scale the
     * gate"), SK paths ("uniform: every path 1/M", "one path only"), split attention as {@link Kind#label}.
     */
    public String label(Kind k) {
        var blocks = session().attentionBlocks();
        if (blocks.isEmpty()) {
            return k.label;
        }
        var words = org.splitscope.model.AttentionWords.of(blocks.get(0));
        if (words.channelGate()) {
            return switch (k) {
                case UNIFORM -> "uniform: gate 1 (no gate)"; // short: at 1280 px the block choice keeps its width
                case ONEHOT -> "one split only (not for a gate)";
                case SCALE -> "scale the gate";
            };
        }
        if (words.sk()) {
            return switch (k) {
                case UNIFORM -> "uniform: every path 1/M";
                case ONEHOT -> "one path only";
                case SCALE -> "scale one path";
            };
        }
        return k.label;
    }

    /** A top-5 row: the class after the interventions, its probability before and after, Δ logit. */
    public record Row(String label, int index, double before, double after, double deltaLogit, int rankBefore) {}

    private final ReadOnlyObjectWrapper<KnockoutResult> knockout = new ReadOnlyObjectWrapper<>(this, "knockout");
    private final ObservableList<String> blocks = FXCollections.observableArrayList();
    private final StringProperty block = new SimpleStringProperty(this, "block", Intervention.ALL);
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.UNIFORM);
    private final IntegerProperty split = new SimpleIntegerProperty(this, "split", 0);
    private final DoubleProperty factor = new SimpleDoubleProperty(this, "factor", 0);
    private final ReadOnlyObjectWrapper<List<Row>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyObjectWrapper<String> summary = new ReadOnlyObjectWrapper<>(this, "summary", "");
    private Consumer<Problem> problems = p -> {};

    public InterventionsViewModel(Session session) {
        super(session, Views.KNOCKOUT, "Hover over a bar for the block's effect");
        // The sweep belongs to one model and image: gone from the screen (and from exports) with either.
        knockout.addListener((obs, old, now) -> changed());
        session().modelProperty().addListener((obs, old, now) -> knockout.set(null));
        session().imageProperty().addListener((obs, old, now) -> knockout.set(null));
        session().modelProperty().addListener((obs, old, now) -> fillBlocks());
        session().captureProperty().addListener((obs, old, now) -> compare(now));
        session().blockProperty().addListener((obs, old, now) -> {
            if (now != null && !Intervention.ALL.equals(block.get()) && blocks.contains(now)) {
                block.set(now); // follow the navigator unless "all" was chosen
            }
        });
        fillBlocks();
        compare(session().capture());
    }

    @Override
    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    private void fillBlocks() {
        List<String> names = new ArrayList<>(List.of(Intervention.ALL));
        session().attentionBlocks().stream().map(ResidualBlock::name).forEach(names::add);
        blocks.setAll(names);
        if (!names.contains(block.get())) {
            block.set(Intervention.ALL);
        }
    }

    /** The radix of the chosen block (the smallest, for all): the splits a one-hot or scale may name. */
    public int radix() {
        return session().attentionBlocks().stream()
                .filter(b -> Intervention.ALL.equals(block.get()) || b.name().equals(block.get()))
                .mapToInt(ResidualBlock::radix).min().orElse(1);
    }

    /** The mode as chosen, e.g. {@code onehot:1}. */
    public String modeText() {
        return switch (kind.get()) {
            case UNIFORM -> "uniform";
            case ONEHOT -> "onehot:" + split.get();
            case SCALE -> "scale:" + split.get() + ":" + String.format(Locale.ROOT, "%s", factor.get());
        };
    }

    /** Adds the chosen intervention (replacing one on the same block); the session captures again. */
    public void apply() {
        try {
            Intervention added = Intervention.parse(block.get() + "=" + modeText());
            org.splitscope.capture.Interventions.of(List.of(added), session().modelProperty().get().network());
            List<Intervention> now = new ArrayList<>(session().interventionsProperty().get());
            now.removeIf(i -> i.block().equals(added.block()));
            now.add(added);
            session().interventionsProperty().set(List.copyOf(now));
        } catch (Exception e) {
            problems.accept(Problem.of("Intervening at " + block.get(), e));
        }
    }

    public void remove(Intervention i) {
        List<Intervention> now = new ArrayList<>(session().interventionsProperty().get());
        now.remove(i);
        session().interventionsProperty().set(List.copyOf(now));
    }

    public void clear() {
        session().interventionsProperty().set(List.of());
    }

    private void compare(ImageCapture c) {
        InterventionResult r = c == null ? null : c.intervened();
        if (r == null) {
            rows.set(List.of());
            summary.set(session().interventionsProperty().get().isEmpty() ? "No interventions: the network as trained."
                    : "");
            return;
        }
        double[] before = Prediction.probabilities(r.before().logits(0));
        double[] after = Prediction.probabilities(r.after().logits(0));
        float[] delta = r.deltaLogits();
        List<Row> out = new ArrayList<>();
        for (Prediction p : r.topAfter()) {
            int rank = 0;
            for (Prediction q : r.topBefore()) {
                rank++;
                if (q.index() == p.index()) {
                    break;
                }
            }
            boolean wasTop5 = r.topBefore().stream().anyMatch(q -> q.index() == p.index());
            out.add(new Row(p.label(), p.index(), before[p.index()], after[p.index()], delta[p.index()],
                    wasTop5 ? rank : -1));
        }
        rows.set(List.copyOf(out));
        Prediction was = r.topBefore().get(0);
        summary.set(r.topChanged()
                ? String.format(Locale.ROOT, "The prediction changes: %s (%.1f %%) → %s (%.1f %%)", was.label(),
                        100 * before[was.index()], r.topAfter().get(0).label(), 100 * after[r.topAfter().get(0).index()])
                : String.format(Locale.ROOT, "Still %s: %.1f %% → %.1f %% (Δ logit %+.3f)", was.label(),
                        100 * before[was.index()], 100 * after[was.index()], delta[was.index()]));
    }

    /** Knocks out one block at a time on the current image with the chosen mode (on the worker). */
    public void runSweep() {
        ImageCapture c = session().capture();
        if (c == null) {
            return;
        }
        String mode = modeText();
        session().executor().submit("Knock-out sweep (" + mode + ") on " + c.image().name(), progress -> {
            KnockoutSweep sweep = new KnockoutSweep(c.model(), Intervention.parseMode(mode));
            sweep.add(List.of(c.sample()), new int[] {-1});
            return sweep.result(c.image().name());
        }, result -> {
            if (session().capture() != null && session().capture().sample() == c.sample()) {
                knockout.set(result);
                changed();
            }
        }, error -> problems.accept(Problem.of("Knock-out sweep on " + c.image().name(), error)));
    }

    public Drawing draw(double width, FigureStyle style) {
        KnockoutResult k = knockout.get();
        return k == null ? Drawing.note("Knock-out sweep: replaces the attention of one block at a time (with the "
                + "mode above) and shows how the top class's logit and probability change, block by block in depth "
                + "order. Run it on this image with Run sweep, or over a labelled folder with the knockout command.",
                width, style) : KnockoutFigure.draw(k, new KnockoutFigure.Options(session().colormapProperty().get()),
                width, style);
    }

    @Override
    public String readout(Object target) {
        KnockoutResult k = knockout.get();
        return k != null && target instanceof KnockoutFigure.Bar bar ? KnockoutFigure.describe(k, bar) : null;
    }

    @Override
    public FigureRequest request() {
        return null; // a sweep, not one image's view: files go through fileFigure()
    }

    @Override
    public String fileName() {
        ImageCapture c = session().capture();
        return knockout.get() == null || c == null ? null : "knockout-" + c.image().name().replaceAll("\\.[^.]*$", "");
    }

    @Override
    public String nothingToExport() {
        return session().capture() == null ? super.nothingToExport()
                : "Nothing to export from the Intervene view: the knock-out sweep has not been run on this model and "
                        + "image. Run sweep first.";
    }

    @Override
    public FileFigure fileFigure() {
        KnockoutResult k = knockout.get();
        ImageCapture c = session().capture();
        if (k == null || c == null) {
            return null;
        }
        return KnockoutFigure.file(k, session().colormapProperty().get());
    }

    public ReadOnlyObjectProperty<KnockoutResult> knockoutProperty() {
        return knockout.getReadOnlyProperty();
    }

    public ObservableList<String> blocks() {
        return blocks;
    }

    public StringProperty blockProperty() {
        return block;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public IntegerProperty splitProperty() {
        return split;
    }

    public DoubleProperty factorProperty() {
        return factor;
    }

    /** The top-5 with the interventions, each with its probability without them. */
    public ReadOnlyObjectProperty<List<Row>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObjectProperty<List<Intervention>> interventionsProperty() {
        return session().interventionsProperty();
    }
}
