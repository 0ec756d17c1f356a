/**
 * The Compare tab: a thin View + ViewModel over {@code view.compare}: the current image against a second
 * from the strip, or at three scales; the second capture runs on the session's worker.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code app}, {@code view}, {@code view.compare},
 * {@code view.image}, {@code capture}, {@code input} and {@code figure}. Never another tab's package.
 */
package org.splitscope.app.compare;
