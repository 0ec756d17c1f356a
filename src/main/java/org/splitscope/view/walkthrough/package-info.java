/**
 * The Walkthrough view: one split-attention block (or SE, ECA, SK block) of one image as the paper's
 * equations, one channel followed through it, with the words and pictures of each stage; WalkthroughRun for
 * {@code figure --view walkthrough}.
 *
 * <p>May import: {@code view}, {@code figure}, {@code analysis}, {@code capture}, {@code engine},
 * {@code model}, {@code input}, {@code render} and {@code io}; of the other views {@code view.featuremaps}
 * (the split maps). Never {@code app} or {@code cli}.
 */
package org.splitscope.view.walkthrough;
