/**
 * The Interventions tab: force a block's attention (or every block's) and see the prediction change, over
 * {@code view.interventions}; beside it the knock-out sweep of {@code view.knockout}.
 *
 * <p>May import: {@code app.session}, {@code app.figure}, {@code view}, {@code view.interventions},
 * {@code view.knockout}, {@code view.image}, {@code capture}, {@code model} and {@code figure}. Never
 * another tab's package.
 */
package org.splitscope.app.intervene;
