/**
 * The Depth view: how attention changes with depth for one image (normalised entropy, saturation, split
 * preference, or the gate at R = 1), per block in depth order, and its figure.
 *
 * <p>May import: {@code figure}, {@code analysis}, {@code capture}, {@code model} and {@code render}; of
 * the other views {@code view.splitbars} (the split colours). Never {@code app} or {@code cli}.
 */
package org.splitscope.view.depth;
