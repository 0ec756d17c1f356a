package org.splitscope.app.walkthrough;

import org.splitscope.app.figure.CaptureOrigin;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.view.walkthrough.Walkthrough;
import org.splitscope.app.base.LatestRequest;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.figure.FileFigure;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.capture.InternalsCapture;
import org.splitscope.capture.Interventions;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.figure.ViewData;
import org.splitscope.view.walkthrough.WalkthroughFigure;
import org.splitscope.view.walkthrough.WalkthroughStep;
import org.splitscope.capture.Interventions;
import org.splitscope.io.Sha256;
import org.splitscope.render.Raster;

/**
 * The selected block of the current image step by step, one channel followed through it. The block's
 * internals (X, fc1, fc2's logits) need a forward of their own: it runs on the session's worker, and
 * a newer image, block or intervention drops the request before.
 */
public final class WalkthroughViewModel extends FigureViewModel {
    private final ObjectProperty<WalkthroughStep> step = new SimpleObjectProperty<>(this, "step", WalkthroughStep.INPUT);
    private final IntegerProperty channel = new SimpleIntegerProperty(this, "channel", 0);
    private final ReadOnlyObjectWrapper<InternalsCapture.Result> captured = new ReadOnlyObjectWrapper<>(this, "captured");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final LatestRequest latest = new LatestRequest();
    private Consumer<Problem> problems = p -> {};

    public WalkthroughViewModel(Session session) {
        super(session, Views.WALKTHROUGH, "Next / Previous or space to step; click a stage to go to it, a channel "
                + "in the GAP strip or the attention matrix to follow it");
        session.captureProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || old.image() != now.image() || old.model() != now.model()
                    || old.result() != now.result()) {
                recompute();
            }
        });
        session.blockProperty().addListener((obs, old, now) -> recompute());
        step.addListener((obs, old, now) -> changed());
        channel.addListener((obs, old, now) -> changed());
        active.addListener((obs, old, now) -> {
            if (now && captured.get() == null && !latest.pending()) {
                recompute();
            }
        });
        recompute();
    }

    @Override
    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    private void recompute() {
        latest.cancel();
        captured.set(null);
        changed();
        ImageCapture c = session().capture();
        String block = session().blockProperty().get();
        if (!active.get() || c == null || block == null || !c.hasBlock(block)) {
            return;
        }
        Interventions forced = c.intervened() == null ? Interventions.NONE : c.intervened().interventions();
        Object request = latest.begin();
        latest.submitted(request, session().executor().submit("Walkthrough of " + block,
                progress -> InternalsCapture.run(c.model(), c.sample(), block, progress::isCancelled, forced),
                result -> {
                    if (latest.finish(request)) {
                        if (channel.get() >= result.block().channels()) {
                            channel.set(0);
                        }
                        captured.set(result);
                        changed();
                    }
                }, error -> {
                    latest.finish(request);
                    problems.accept(Problem.of("The walkthrough of " + block, error));
                }));
    }

    /** The data drawn now, or null while the block's internals are being captured. */
    /** The step's name for the shown block's mechanism (split attention's while none is shown). */
    public String stepTitle(WalkthroughStep s) {
        Walkthrough w = walkthrough();
        return w == null ? s.title() : s.title(w.attention().words());
    }

    public Walkthrough walkthrough() {
        InternalsCapture.Result r = captured.get();
        if (r == null) {
            return null;
        }
        int c = Math.min(channel.get(), r.block().channels() - 1);
        return Walkthrough.of(r.block(), r.internals(), FigureRequest.IMAGE, c);
    }

    public Drawing draw(double width, FigureStyle style) {
        return draw(width, style, 0);
    }

    /** The figure; with a {@code room} (presenter mode: the visible height) laid out to fit it. */
    public Drawing draw(double width, FigureStyle style, double room) {
        Walkthrough w = walkthrough();
        if (w == null) {
            String block = session().blockProperty().get();
            return Drawing.note(block == null ? "Select a block." : "Capturing the inside of " + block + "…", width,
                    style);
        }
        return WalkthroughFigure.draw(w, new WalkthroughFigure.Options(session().colormapProperty().get(), step.get()),
                width, room, style);
    }

    public void next() {
        step.set(step.get().next());
    }

    public void previous() {
        step.set(step.get().previous());
    }

    /** A stage box goes to its step, a channel of the GAP strip or attention matrix is followed. */
    public void click(Object target) {
        if (target instanceof WalkthroughStep s) {
            step.set(s);
        } else if (target instanceof WalkthroughFigure.Channel c) {
            channel.set(c.channel());
        }
    }

    @Override
    public String readout(Object target) {
        Walkthrough w = walkthrough();
        if (w == null) {
            return null;
        }
        if (target instanceof WalkthroughStep s) {
            return (s.ordinal() + 1) + " " + s.title(w.attention().words()) + ": "
                    + s.sentence(w.attention().words(), w.cardinality());
        }
        if (target instanceof WalkthroughFigure.Channel c) {
            int per = w.groupChannels();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "c = %d (k = %d, j = %d): s_c = %.4f",
                    c.channel(), c.channel() / per, c.channel() % per, w.gap()[c.channel()]));
            for (int r = 0; r < w.radix(); r++) {
                line.append(String.format(Locale.ROOT, " · a%d = %.4f", r,
                        w.attention().weight(c.channel() / per, r, c.channel() % per)));
            }
            return line.append(" · click to follow it").toString();
        }
        return null;
    }

    @Override
    public FigureRequest request() {
        return null; // its own forward, not the session's capture: files go through fileFigure()
    }

    @Override
    public String fileName() {
        ImageCapture c = session().capture();
        return c == null ? null : "walkthrough-" + session().blockProperty().get() + "-" + step.get().id() + "-c"
                + channel.get() + "-" + c.image().name();
    }

    @Override
    public FileFigure fileFigure() {
        Walkthrough w = walkthrough();
        ImageCapture c = session().capture();
        if (w == null || c == null) {
            return null;
        }
        var options = new WalkthroughFigure.Options(session().colormapProperty().get(), step.get());
                return WalkthroughFigure.file(w, options, CaptureOrigin.of(c));
    }

    /** Whether the view is shown: only then does a new image or block run the walkthrough's forward. */
    @Override
    public BooleanProperty activeProperty() {
        return active;
    }

    public ObjectProperty<WalkthroughStep> stepProperty() {
        return step;
    }

    /** The channel c (0 … C−1) followed through the block. */
    public IntegerProperty channelProperty() {
        return channel;
    }

    public ReadOnlyObjectProperty<InternalsCapture.Result> capturedProperty() {
        return captured.getReadOnlyProperty();
    }
}
