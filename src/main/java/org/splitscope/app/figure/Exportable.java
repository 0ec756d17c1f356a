package org.splitscope.app.figure;


/** A view whose figure can be saved, copied or exported as data. */
public interface Exportable {
    FigureViewModel figureModel();

    /** The figure as drawn on screen now. */
    FigureCanvas canvas();
}
