/**
 * The Feature maps view: the channel maps of U_r or V of one block and group, the orders they can be shown
 * in, and the grid figure.
 *
 * <p>May import: {@code figure}, {@code analysis}, {@code capture}, {@code model} and {@code render}; no
 * other view. Never {@code app} or {@code cli}.
 */
package org.splitscope.view.featuremaps;
