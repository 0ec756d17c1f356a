/**
 * The Variants view: one image through every bundled variant (each loaded, run and closed in turn), the
 * ablation table as part of the figure, and the figure.
 *
 * <p>May import: {@code figure}, {@code analysis}, {@code bundled}, {@code capture}, {@code engine},
 * {@code input} and {@code render}; of the other views {@code view.depth} (the entropy per block),
 * {@code view.splitbars} (the split colours) and {@code view.dataset} (the group colours). Never
 * {@code app} or {@code cli}.
 */
package org.splitscope.view.variants;
