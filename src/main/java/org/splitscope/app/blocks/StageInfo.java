package org.splitscope.app.blocks;

import java.util.List;

/** A stage ({@code layerS}) and its split-attention blocks. */
public record StageInfo(String name, List<BlockInfo> blocks) {}
