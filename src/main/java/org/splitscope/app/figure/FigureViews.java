package org.splitscope.app.figure;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** What the figure views share in the scene graph: the stylesheet and the header row. */
public final class FigureViews {
    private FigureViews() {}

    public static void style(Region view, String styleClass) {
        view.getStyleClass().addAll("figure-view", styleClass);
        view.getStylesheets().add(FigureViews.class.getResource("figure-view.css").toExternalForm());
    }

    public static HBox header(Node... children) {
        HBox header = new HBox(10, children);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        return header;
    }
}
