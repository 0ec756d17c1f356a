package org.splitscope.figure;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * A view's figure as a file holds it: what it draws, where it comes from, and its numbers. The
 * window freezes one on the FX thread (so the write on the worker does not race the selection) and
 * the {@code figure} command builds the same; both write it through {@link FigureFiles#write(java.nio.file.Path,
 * FigureFormat, FileFigure, FigureSize, FigureStyle, boolean)}.
 */
public interface FileFigure {
    /** Read on the worker: hashing a checkpoint can take a while. */
    Provenance provenance() throws IOException;

    Drawing draw(double width, FigureStyle style);

    ViewData data();

    /** How a figure is drawn at a width in a style. */
    @FunctionalInterface
    interface Painter {
        Drawing draw(double width, FigureStyle style);
    }

    /** Something read when the file is written, not before: a file's hash, say. */
    @FunctionalInterface
    interface Lazy<T> {
        T get() throws IOException;
    }

    /** A figure from its three parts; the provenance is read when the file is written. */
    static FileFigure of(Lazy<Provenance> provenance, Painter painter, Supplier<ViewData> data) {
        return new FileFigure() {
            @Override
            public Provenance provenance() throws IOException {
                return provenance.get();
            }

            @Override
            public Drawing draw(double width, FigureStyle style) {
                return painter.draw(width, style);
            }

            @Override
            public ViewData data() {
                return data.get();
            }
        };
    }
}
