package org.splitscope.app.export;

import org.splitscope.app.figure.FigureCanvas;
import org.splitscope.app.figure.FigureViewModel;

/** A view whose figure can be saved, copied or exported as data. */
public interface Exportable {
    FigureViewModel figureModel();

    /** The figure as drawn on screen now. */
    FigureCanvas canvas();
}
