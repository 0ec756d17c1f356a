package org.splitscope.app.main;

import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import org.splitscope.app.session.Session;
import org.splitscope.capture.Intervention;

/**
 * The line every view shows while attention is forced, so no screen (or screenshot of it) passes
 * for the network as trained. Views that do not draw the forced attention say so.
 */
public final class ForcedBanner {
    private ForcedBanner() {}

    /** The banner for {@code view}, or "" when nothing is forced. */
    public static String text(List<Intervention> forced, ViewSpec view) {
        String what = Intervention.describe(forced);
        if (what == null) {
            return "";
        }
        String banner = "attention forced: " + what;
        return view == Views.VARIANTS ? banner + " — this view runs every bundled model as trained"
                : view == Views.DATASET ? banner + " — this view shows saved statistics of the network as trained"
                : view == Views.CAM
                        ? banner + " — the split maps are forced; the class activation map is of the network as trained"
                : banner;
    }

    /** Follows the session's interventions and the view shown. */
    public static StringBinding of(Session session, ObservableValue<ViewSpec> view) {
        return Bindings.createStringBinding(() -> text(session.interventionsProperty().get(), view.getValue()),
                session.interventionsProperty(), view);
    }
}
