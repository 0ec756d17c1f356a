/**
 * The Grad-CAM tab: a thin View + ViewModel over {@code view.cam} (the class chosen, its map over the input
 * beside the block's split contributions) and the hover readouts.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code app}, {@code view}, {@code view.cam},
 * {@code view.heatmaps}, {@code view.image}, {@code capture}, {@code engine}, {@code figure} and
 * {@code render}. Never another tab's package.
 */
package org.splitscope.app.cam;
