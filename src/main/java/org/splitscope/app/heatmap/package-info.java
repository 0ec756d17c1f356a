/**
 * The Heatmaps tab: a thin View + ViewModel over {@code view.heatmaps}: the selected block's attention
 * matrix per cardinal group and its split contribution maps over the input.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code view}, {@code view.heatmaps},
 * {@code view.image}, {@code analysis}, {@code capture}, {@code figure} and {@code render}. Never another
 * tab's package.
 */
package org.splitscope.app.heatmap;
