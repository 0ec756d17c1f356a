package org.splitscope.app.export;

import javafx.scene.Node;

/** A view that can be saved or copied as a figure: its drawing, without the controls around it. */
public interface Exportable {
    /** Short name for file names, e.g. "heatmaps". */
    String exportName();

    /** The node whose snapshot is the figure. */
    Node figure();
}
