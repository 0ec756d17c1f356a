package org.splitscope.app.figure;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;

/** What the figure views share in the scene graph: the stylesheet and the header row. */
public final class FigureViews {
    private FigureViews() {}

    public static void style(Region view, String styleClass) {
        view.getStyleClass().addAll("figure-view", styleClass);
        view.getStylesheets().add(FigureViews.class.getResource("figure-view.css").toExternalForm());
    }

    /** How a view's model draws its figure at a width in the window's style. */
    @FunctionalInterface
    public interface Painter {
        Drawing draw(double width, FigureStyle style);
    }

    /** A painter that lays its figure out for the screen's height in presenter mode (0: no limit). */
    @FunctionalInterface
    public interface FittedPainter {
        Drawing draw(double width, FigureStyle style, double room);
    }

    public static void body(BorderPane view, FigureCanvas canvas, FigureViewModel vm, Painter painter) {
        body(view, canvas, vm, (w, style, room) -> painter.draw(w, style));
    }

    /**
     * The body every figure view shares: the canvas in a scroll pane (centre) and the hover line
     * (bottom), redrawn whenever the figure or the window's style (theme, presenter) changes.
     */
    public static void body(BorderPane view, FigureCanvas canvas, FigureViewModel vm, FittedPainter painter) {
        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setFitToWidth(true);
        canvas.showIn(scroll);
        view.setCenter(scroll);
        Label readout = new Label();
        readout.getStyleClass().add("readout");
        // A long readout wraps onto a second line: its numbers are never cut with "…".
        readout.setWrapText(true);
        readout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.textProperty().bind(vm.readout().textProperty());
        view.setBottom(readout);
        // In presenter mode the figure is told the visible height, so it can use the screen's shape.
        canvas.setSource(w -> painter.draw(w, vm.session().style(),
                vm.session().presenterProperty().get() ? scroll.getViewportBounds().getHeight() : 0));
        vm.revisionProperty().addListener((obs, old, now) -> canvas.refresh());
        vm.session().styleProperty().addListener((obs, old, now) -> canvas.refresh());
        // On a projector the whole figure shows at once, without scrolling.
        canvas.setFitHeight(vm.session().presenterProperty().get());
        vm.session().presenterProperty().addListener((obs, old, now) -> canvas.setFitHeight(now));
        canvas.setOnHover(t -> vm.readout().show(vm.readout(t)));
        canvas.setOnExit(vm.readout()::clear);
    }

    public static HBox header(Node... children) {
        HBox header = new HBox(10, children);
        for (Node n : children) {
            if (n instanceof javafx.scene.control.Label l && l.getStyleClass().contains("view-title")) {
                // the title gives way first, onto a second line, never cut with "…"
                l.setWrapText(true);
                l.setMinWidth(80);
                HBox.setHgrow(l, javafx.scene.layout.Priority.SOMETIMES);
            } else if ((n instanceof javafx.scene.control.Label || n instanceof javafx.scene.control.ButtonBase)
                    && ((Region) n).getMinWidth() == Region.USE_COMPUTED_SIZE) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE); // "Opacity", "Apply": whole words, not "…"
            }
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        return header;
    }
}
