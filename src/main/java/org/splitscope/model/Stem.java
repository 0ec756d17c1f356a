package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;
import org.splitscope.model.nn.Module;

/**
 * The deep stem (module {@code conv1}, an nn.Sequential upstream, hence keys 0, 1, 3, 4, 6): three
 * 3×3 convs, the first strided, with BN + ReLU between; widths w, w, 2w (tiered: 3·(w/4), w, 2w).
 * The BN after the last conv is the network's {@code bn1}.
 */
final class Stem extends Module {
    final Conv conv0;
    final BatchNorm2d bn1;
    final Conv conv3;
    final BatchNorm2d bn4;
    final Conv conv6;

    Stem(ResNeStConfig config) {
        int[] widths = config.stemWidths();
        conv0 = child("0", new Conv(config.inChannels(), widths[0], 3, config.stemStride(), 1, 1, false));
        bn1 = child("1", new BatchNorm2d(widths[0]));
        conv3 = child("3", new Conv(widths[0], widths[1], 3, 1, 1, 1, false));
        bn4 = child("4", new BatchNorm2d(widths[1]));
        conv6 = child("6", new Conv(widths[1], config.stemChannels(), 3, 1, 1, 1, false));
    }

    @Override
    public NDArray apply(NDArray x) {
        NDArray out = Activation.relu(bn1.apply(conv0.apply(x)));
        out = Activation.relu(bn4.apply(conv3.apply(out)));
        return conv6.apply(out);
    }

    void foldBatchNorm() {
        conv0.fold(bn1);
        conv3.fold(bn4);
    }
}
