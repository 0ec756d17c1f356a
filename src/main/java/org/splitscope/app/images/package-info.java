/**
 * The images to step through (bundled samples, files, folders, pasted pictures), their thumbnail strip, and
 * the panel with the input as the network saw it and its top-5 classes.
 *
 * <p>May import: {@code app}, {@code app.session}, {@code app.figure}, {@code bundled}, {@code capture},
 * {@code input} and {@code render}.
 */
package org.splitscope.app.images;
