/**
 * Save view as…, copy and export data: the dialog and its settings (format, width, dpi, theme, caption),
 * PNG export, and the actions that hand a tab's {@code FileFigure} to {@code FigureFiles.write} on the
 * worker.
 *
 * <p>May import: {@code app}, {@code app.session}, {@code app.figure}, {@code figure} and {@code io}.
 */
package org.splitscope.app.export;
