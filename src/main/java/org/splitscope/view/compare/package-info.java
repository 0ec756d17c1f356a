/**
 * The Compare view: two images through the same network (the attention of each, their difference, the mean
 * |Δa| per block) and SKNet's scale experiment (the image centre-cropped at 1×, 1.5×, 2×), their captures,
 * figures and data table.
 *
 * <p>May import: {@code view}, {@code figure}, {@code analysis}, {@code capture}, {@code engine},
 * {@code model}, {@code input}, {@code render} and {@code io}; of the other views {@code view.heatmaps}
 * (the attention matrix drawing). Never {@code app} or {@code cli}.
 */
package org.splitscope.view.compare;
