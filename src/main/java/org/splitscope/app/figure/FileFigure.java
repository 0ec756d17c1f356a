package org.splitscope.app.figure;

import java.io.IOException;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.ViewData;

/**
 * A view's figure frozen on the FX thread for a file write on the worker, so the write does not race
 * the selection: what it draws, where it comes from, and its numbers.
 */
public interface FileFigure {
    /** Read on the worker: hashing a checkpoint can take a while. */
    Provenance provenance() throws IOException;

    Drawing draw(double width, FigureStyle style);

    ViewData data();
}
