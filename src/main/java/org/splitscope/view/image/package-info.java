/**
 * The views drawn straight from one image's capture (heatmaps, split bars, feature maps, GAP, depth):
 * {@link org.splitscope.view.image.FigureRequest}, the selection and settings that decide such a figure,
 * its drawing, provenance and data, for the window and {@code figure --view}.
 *
 * <p>May import: {@code view}, {@code figure}, {@code analysis}, {@code capture} and {@code render}, and
 * the five views it draws: {@code view.heatmaps}, {@code view.splitbars}, {@code view.featuremaps},
 * {@code view.gap}, {@code view.depth}. Never {@code app} or {@code cli}.
 */
package org.splitscope.view.image;
