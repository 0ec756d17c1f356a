package org.splitscope.app.depth;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.splitscope.view.depth.DepthProfile;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Session;
import org.splitscope.view.depth.DepthFigure;
import org.splitscope.figure.Drawing;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;

/**
 * The depth profile of the current image: entropy (or, at R = 1, the gate), saturation and split
 * preference of every block in depth order; a click on a block selects it in the session.
 */
public final class DepthViewModel extends FigureViewModel {
    private final ReadOnlyObjectWrapper<DepthProfile> profile = new ReadOnlyObjectWrapper<>(this, "profile");

    public DepthViewModel(Session session) {
        super(session, Views.DEPTH, "Hover over a block for its numbers; click to select it");
        // The profile depends only on the capture; a new block selection only moves the highlight.
        session.captureProperty().addListener((obs, old, now) -> update());
        session.blockProperty().addListener((obs, old, now) -> changed());
        update();
    }

    private void update() {
        ImageCapture c = session().capture();
        profile.set(c == null ? null : DepthProfile.of(c.result().blocks(), FigureRequest.IMAGE));
        changed();
    }

    public Drawing draw(double width, FigureStyle style) {
        DepthProfile d = profile.get();
        return d == null ? null : DepthFigure.draw(d, new DepthFigure.Options(session().colormapProperty().get(),
                session().blockProperty().get()), width, style);
    }

    /** A click on a block's column selects that block. */
    public void click(Object target) {
        if (target instanceof DepthFigure.Point point) {
            session().blockProperty().set(point.block());
        }
    }

    @Override
    public String readout(Object target) {
        DepthProfile d = profile.get();
        if (target instanceof DepthFigure.Point point && d != null && point.index() < d.blocks().size()) {
            return DepthFigure.describe(d, point) + " · click to select";
        }
        return null;
    }

    @Override
    public FigureRequest request() {
        return baseRequest();
    }

    public ReadOnlyObjectProperty<DepthProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }
}
