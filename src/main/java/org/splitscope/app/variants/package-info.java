/**
 * The Variants tab: a thin View + ViewModel over {@code view.variants}: the current image through every
 * bundled variant (each loaded, run and closed only while the tab is shown) beside the ablation table.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code app}, {@code view}, {@code view.variants},
 * {@code view.image}, {@code analysis}, {@code bundled}, {@code figure} and {@code io}. Never another tab's
 * package.
 */
package org.splitscope.app.variants;
