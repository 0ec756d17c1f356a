/**
 * The Heatmaps view: a block's attention matrix per cardinal group and each split's contribution map over
 * the input, and their figure (which Compare and Grad-CAM draw with too).
 *
 * <p>May import: {@code figure}, {@code analysis}, {@code capture}, {@code model} and {@code render}; no
 * other view. Never {@code app} or {@code cli}.
 */
package org.splitscope.view.heatmaps;
