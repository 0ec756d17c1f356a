/**
 * The knock-out sweep: one split-attention block intervened at a time over a batch of images, the mean
 * change of the target's logit, probability and rank per block, and its figure; what the {@code knockout}
 * command and the Interventions tab run.
 *
 * <p>May import: {@code figure}, {@code capture}, {@code engine}, {@code model}, {@code input},
 * {@code render} and {@code io}; no other view. Never {@code app} or {@code cli}.
 */
package org.splitscope.view.knockout;
