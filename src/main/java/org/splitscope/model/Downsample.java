package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;
import org.splitscope.model.nn.Module;

/**
 * The shortcut projection (module {@code downsample}). Avg-down: [avg pool (only at stride > 1),
 * 1×1 conv, BN] with keys 1 and 2, the pool keeping slot 0 as in the official Sequential; otherwise
 * [strided conv, BN] with keys 0 and 1 — 1×1, or SENet-154's 3×3 with padding 1.
 */
final class Downsample extends Module {
    private final int poolStride;
    final Conv conv;
    final BatchNorm2d bn;

    /** @param kernel the conv's kernel (odd; padded by kernel/2); 1 with avg-down */
    Downsample(int in, int out, int stride, boolean avgDown, int kernel) {
        poolStride = avgDown ? stride : 1;
        String convKey = avgDown ? "1" : "0";
        String bnKey = avgDown ? "2" : "1";
        conv = child(convKey, new Conv(in, out, kernel, avgDown ? 1 : stride, kernel / 2, 1, false));
        bn = child(bnKey, new BatchNorm2d(out));
    }

    @Override
    public NDArray apply(NDArray x) {
        NDArray pooled = x;
        if (poolStride > 1) {
            // ceil mode, padding not counted: odd sizes keep their last row and column
            Shape window = new Shape(poolStride, poolStride);
            pooled = Pool.avgPool2d(x, window, window, new Shape(0, 0), true, false);
        }
        return bn.apply(conv.apply(pooled));
    }

    void foldBatchNorm() {
        conv.fold(bn);
    }
}
