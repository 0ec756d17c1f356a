/**
 * The block navigator in the sidebar: stages and split-attention blocks as a tree with an entropy bar each,
 * and the cardinal group and split selectors.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code analysis}, {@code model}, {@code render}
 * and {@code view.featuremaps} (the split maps' choices).
 */
package org.splitscope.app.blocks;
