/**
 * Training the bundled Fashion-MNIST models ({@code splitscope train} and {@code ablation}): the
 * dataset reader, the networks ({@link org.splitscope.train.FashionMnistNetworks}), the recipe and
 * optimiser, evaluation, and the model cards written beside the weights.
 *
 * <p>May import: {@code model}, {@code engine}, {@code runtime}, {@code checkpoint}, {@code input},
 * {@code io} and {@code capture} (a model card's sample predictions). Never {@code app} or {@code cli}.
 */
package org.splitscope.train;
