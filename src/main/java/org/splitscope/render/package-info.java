/**
 * Pixels from numbers: colormaps and their value ranges, heatmaps, overlays on the input image,
 * resampling, and colour bars, shared by the window and the figure files.
 *
 * <p>May import: {@code input} (the image a map is laid over). No view, no window.
 */
package org.splitscope.render;
