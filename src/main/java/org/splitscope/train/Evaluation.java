package org.splitscope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.splitscope.model.CaptureSink;
import org.splitscope.model.ResNeSt;

/** Top-1 accuracy of a network in inference mode over Fashion-MNIST images. */
public final class Evaluation {
    private static final int BATCH = 500;

    private Evaluation() {}

    /** @param manager parent of the per-batch managers (the network's device) */
    public static double accuracy(ResNeSt network, NDManager manager, FashionMnist.Split split, int[] indices) {
        long correct = 0;
        for (int from = 0; from < indices.length; from += BATCH) {
            int count = Math.min(BATCH, indices.length - from);
            float[] images = Batches.images(split, indices, from, count, null);
            try (NDManager scope = manager.newSubManager()) {
                NDArray input = scope.create(images, new Shape(count, 1, FashionMnist.SIDE, FashionMnist.SIDE));
                int[] predicted = network.forward(input, CaptureSink.NONE).argMax(1)
                        .toType(DataType.INT32, false).toIntArray();
                for (int i = 0; i < count; i++) {
                    correct += predicted[i] == split.label(indices[from + i]) ? 1 : 0;
                }
            }
        }
        return (double) correct / indices.length;
    }

    public static int[] everyIndex(FashionMnist.Split split) {
        int[] all = new int[split.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }
}
