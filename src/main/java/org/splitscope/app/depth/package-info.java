/**
 * The Depth tab: a thin View + ViewModel over {@code view.depth}: entropy, saturation and split preference
 * of every block in depth order; a click selects a block.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code view}, {@code view.depth},
 * {@code view.image} and {@code figure}. Never another tab's package.
 */
package org.splitscope.app.depth;
