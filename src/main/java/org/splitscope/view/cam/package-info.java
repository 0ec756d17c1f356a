/**
 * The Grad-CAM view: class activation maps at any block (the methods as pytorch-grad-cam computes them),
 * CamService, which the {@code cam} command and the window run, the streaming {@code cam.npz} writer, and
 * the figure of the map beside the block's split contributions.
 *
 * <p>May import: {@code view}, {@code figure}, {@code analysis}, {@code capture}, {@code engine},
 * {@code model}, {@code input}, {@code render} and {@code io}; of the other views {@code view.heatmaps}
 * (the contribution maps and their drawing) and {@code view.image} (the request). Never {@code app} or
 * {@code cli}.
 */
package org.splitscope.view.cam;
