/**
 * The Dataset view: the {@code analyze} run over a labelled folder (DatasetAnalysis, shared by the command
 * and the window), its statistics saved, read back as untrusted input, merged and resumed, the dataset
 * figure, and the papers' figures drawn from saved runs (SENet §7.2, SENet Fig. 7, SKNet's selection
 * figure).
 *
 * <p>May import: {@code figure}, {@code analysis}, {@code batch} (the input list), {@code capture},
 * {@code engine}, {@code model}, {@code input}, {@code render} and {@code io}; of the other views
 * {@code view.splitbars} (the split colours). Never {@code app} or {@code cli}.
 */
package org.splitscope.view.dataset;
