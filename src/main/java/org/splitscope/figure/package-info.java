/**
 * The drawing kit, plain Java2D and no JavaFX: text, axes, colour bars, block charts, panel rows, the
 * laid-out {@link org.splitscope.figure.Drawing} with its hit areas, styles and sizes, provenance and a
 * view's data table, and {@link org.splitscope.figure.FigureFiles}, the one place a figure file (PNG, SVG,
 * PDF) is written, from a view's {@link org.splitscope.figure.FileFigure}.
 *
 * <p>May import: {@code render} and {@code io}. Never a view: views draw with this, not the other way
 * round.
 */
package org.splitscope.figure;
