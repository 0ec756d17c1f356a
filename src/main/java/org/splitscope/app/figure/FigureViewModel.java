package org.splitscope.app.figure;

import org.splitscope.figure.FileFigure;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Readout;
import org.splitscope.app.session.Session;
import org.splitscope.capture.BlockCapture;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;

/**
 * What every figure view's model has: the session, a revision that moves whenever the figure would
 * look different, the hover line, and the request that draws the same figure into a file.
 */
public abstract class FigureViewModel {
    private final Session session;
    private final ViewSpec view;
    private final Readout readout;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final javafx.beans.property.BooleanProperty active =
            new javafx.beans.property.SimpleBooleanProperty(this, "active");

    protected FigureViewModel(Session session, ViewSpec view, String hint) {
        this.session = session;
        this.view = view;
        this.readout = new Readout(session, hint);
        session.colormapProperty().addListener((obs, old, now) -> changed());
    }

    /** The figure must be drawn again. */
    protected final void changed() {
        revision.set(revision.get() + 1);
    }

    /** Moves on every change of what the figure shows. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The hover line for a hit target of the figure (null: the hint). */
    public abstract String readout(Object target);

    /** Where the view reports what failed; views that run nothing of their own have nothing to report. */
    public void setProblemHandler(java.util.function.Consumer<org.splitscope.app.session.Problem> handler) {}

    /**
     * Whether the view is shown. Views that run more than the session's capture (Grad-CAM, Variants,
     * Walkthrough) run it only then; the others draw what the session holds and need not look.
     */
    public javafx.beans.property.BooleanProperty activeProperty() {
        return active;
    }

    /** The figure for a file, with this view's settings; null when there is nothing to draw. */
    public abstract FigureRequest request();

    /**
     * The figure for a file write, taken now (on the FX thread); null when there is nothing to draw.
     * Views of one image's capture draw their {@link #request()}; others override this.
     */
    public FileFigure fileFigure() {
        FigureRequest r = request();
        ImageCapture c = session.capture();
        if (r == null || c == null) {
            return null;
        }
        // The block is looked up when the file is written: a capture without it fails that write, saying why.
        java.util.function.Supplier<FileFigure> f = () -> r.file(c.block(r.block()), c.result().blocks(), c.input(),
                CaptureOrigin.of(c));
        return FileFigure.of(() -> f.get().provenance(), (w, s) -> f.get().draw(w, s), () -> f.get().data());
    }

    /**
     * What the user is told when Save view as… or Export data… finds nothing to write ({@link
     * #fileFigure()} null): an action never does nothing silently.
     */
    public String nothingToExport() {
        String why = session.modelProperty().get() == null ? "no model is open"
                : session.imageProperty().get() == null ? "no image is open"
                : session.capture() == null ? "the image is still being captured for the open model"
                : "there is no result for the open model, image and settings yet";
        return "Nothing to export from the " + view + " view: " + why + ".";
    }

    /** A file name (without ending) for this view's figure; null: view, block and image. */
    public String fileName() {
        return null;
    }

    /** The request with the session's selection and colormap and the view's defaults, or null. */
    protected final FigureRequest baseRequest() {
        BlockCapture b = session.selectedBlock();
        return b == null ? null : FigureRequest.of(view, b.name(), session.groupProperty().get(),
                session.splitProperty().get(), session.colormapProperty().get());
    }

    public ViewSpec view() {
        return view;
    }

    public Session session() {
        return session;
    }

    /** The hover line under the view. */
    public Readout readout() {
        return readout;
    }
}
