/**
 * What every figure tab is made of: {@link org.splitscope.app.figure.FigureViewModel} and
 * {@link org.splitscope.app.figure.FigureView}, the canvas that paints a {@code figure.Drawing} through
 * FXGraphics2D, exportability, where a capture's figures come from, and rasters as JavaFX images.
 *
 * <p>May import: {@code app.session}, {@code figure}, {@code render}, {@code capture}, {@code io},
 * {@code view} and {@code view.image}. No single tab.
 */
package org.splitscope.app.figure;
