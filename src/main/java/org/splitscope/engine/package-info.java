/**
 * Model loading: a weights file (or a preset and a seed) becomes a {@link
 * org.splitscope.engine.LoadedModel} on a device, with where each fact came from ({@link
 * org.splitscope.engine.Origins}) and the summary the model card and {@code info} show. The engine
 * itself is started by {@code runtime}.
 *
 * <p>May import: {@code runtime}, {@code model}, {@code checkpoint}, {@code input}, {@code io} and DJL.
 * Never {@code app}, {@code cli} or anything that runs a model (capture, batch, the views).
 */
package org.splitscope.engine;
