package org.splitscope.model;

import org.splitscope.input.Preprocessing;

/**
 * A published ResNeSt variant: its architecture and the eval transform it was trained for.
 *
 * @param source where the weights are published ("timm" or "official")
 */
public record Preset(String name, String source, ResNeStConfig config, Preprocessing preprocessing) {}
