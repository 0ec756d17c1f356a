package org.splitscope.capture;

import java.util.List;

/**
 * One captured forward: logits [N, classes] row-major, the split-attention blocks in forward order,
 * and where the time went.
 */
public record CaptureResult(int batch, int classes, float[] logits, List<BlockCapture> blocks,
        double forwardMs, double hostCopyMs) {

    public float[] logits(int image) {
        float[] row = new float[classes];
        System.arraycopy(logits, image * classes, row, 0, classes);
        return row;
    }

    public BlockCapture block(String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no split-attention block " + name));
    }
}
