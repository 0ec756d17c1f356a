/**
 * Pretrained weights from the Hugging Face hub ({@code --model hf:…}, {@code download}): names,
 * the huggingface_hub cache layout (shared with Python), resumable downloads checked by SHA-256,
 * the hub's config.json, and the list of official weights.
 *
 * <p>May import: {@code io} and {@code model} (a config to an architecture). Loading the weights
 * is {@code engine}'s.
 */
package org.splitscope.hub;
