/**
 * The Feature maps tab: a thin View + ViewModel over {@code view.featuremaps}: the channel maps of U_r or V
 * for the selected block and group, with a hover readout and zoom.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code app.blocks} (the group and split
 * selectors), {@code view}, {@code view.featuremaps}, {@code view.image}, {@code analysis},
 * {@code capture}, {@code figure} and {@code render}. Never another tab's package.
 */
package org.splitscope.app.featuremaps;
