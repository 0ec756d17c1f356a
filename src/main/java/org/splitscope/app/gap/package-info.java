/**
 * The GAP tab: a thin View + ViewModel over {@code view.gap}: per cardinal group the histogram of s^k and
 * its largest channels.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code view}, {@code view.gap},
 * {@code view.image}, {@code capture}, {@code figure} and {@code render}. Never another tab's package.
 */
package org.splitscope.app.gap;
