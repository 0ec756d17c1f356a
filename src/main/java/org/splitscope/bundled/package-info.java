/**
 * What ships inside the jar: the trained Fashion-MNIST models with their cards, the sample images,
 * the measured ablation table, and how resource files are read.
 *
 * <p>May import: {@code io}, and {@code analysis} for the ablation table's record.
 */
package org.splitscope.bundled;
