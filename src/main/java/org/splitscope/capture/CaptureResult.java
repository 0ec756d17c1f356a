package org.splitscope.capture;

import java.util.ArrayList;
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

    /** Batches captured one after another, as one result over all their images. */
    public static CaptureResult concat(List<CaptureResult> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        CaptureResult first = parts.get(0);
        int batch = parts.stream().mapToInt(CaptureResult::batch).sum();
        List<BlockCapture> blocks = new ArrayList<>();
        for (int b = 0; b < first.blocks().size(); b++) {
            int index = b;
            List<BlockCapture> same = parts.stream().map(p -> p.blocks().get(index)).toList();
            BlockCapture one = same.get(0);
            blocks.add(new BlockCapture(one.name(), one.radix(), one.cardinality(), one.channels(),
                    join(same.stream().map(BlockCapture::attention).toList()),
                    join(same.stream().map(BlockCapture::gap).toList()),
                    one.hasSplits() ? join(same.stream().map(BlockCapture::splits).toList()) : null,
                    one.hasSplits() ? join(same.stream().map(BlockCapture::fused).toList()) : null,
                    one.height(), one.width(), one.words()));
        }
        return new CaptureResult(batch, first.classes(),
                join(parts.stream().map(CaptureResult::logits).toList()), blocks,
                parts.stream().mapToDouble(CaptureResult::forwardMs).sum(),
                parts.stream().mapToDouble(CaptureResult::hostCopyMs).sum());
    }

    private static float[] join(List<float[]> arrays) {
        float[] all = new float[arrays.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] a : arrays) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
    }

    public BlockCapture block(String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no split-attention block " + name));
    }
}
