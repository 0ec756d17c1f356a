/**
 * What every tab shares: the {@link org.splitscope.app.session.Session} (model, image, its capture, the
 * selection, colormap and interventions), the images to step through, the hover readout and the problem
 * shown to the user. The network runs here only when the model, image or interventions change.
 *
 * <p>May import: {@code app}, {@code capture}, {@code engine}, {@code analysis}, {@code input},
 * {@code model}, {@code render}, {@code figure}, {@code io}, {@code view} and
 * {@code view.featuremaps}/{@code view.interventions}.
 */
package org.splitscope.app.session;
