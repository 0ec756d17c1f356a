package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;
import org.splitscope.model.nn.Module;

/**
 * SENet-154's {@code layer0}: three 3×3 convs, the first strided, each followed by BN and ReLU
 * (keys {@code conv1, bn1, conv2, bn2, conv3, bn3}); widths w, w, 2w (the release: 64, 64, 128). The
 * network's ceil-mode max-pool follows, as after the other SENet stems.
 */
final class SenetStem extends Module {
    final Conv conv1;
    final BatchNorm2d bn1;
    final Conv conv2;
    final BatchNorm2d bn2;
    final Conv conv3;
    final BatchNorm2d bn3;

    SenetStem(ResNeStConfig config) {
        int[] widths = config.stemWidths();
        conv1 = child("conv1", new Conv(config.inChannels(), widths[0], 3, config.stemStride(), 1, 1, false));
        bn1 = child("bn1", new BatchNorm2d(widths[0]));
        conv2 = child("conv2", new Conv(widths[0], widths[1], 3, 1, 1, 1, false));
        bn2 = child("bn2", new BatchNorm2d(widths[1]));
        conv3 = child("conv3", new Conv(widths[1], config.stemChannels(), 3, 1, 1, 1, false));
        bn3 = child("bn3", new BatchNorm2d(config.stemChannels()));
    }

    /** x → ReLU(bn3(conv3(ReLU(bn2(conv2(ReLU(bn1(conv1(x))))))))). */
    @Override
    public NDArray apply(NDArray x) {
        NDArray out = Activation.relu(bn1.apply(conv1.apply(x)));
        out = Activation.relu(bn2.apply(conv2.apply(out)));
        return Activation.relu(bn3.apply(conv3.apply(out)));
    }

    void foldBatchNorm() {
        conv1.fold(bn1);
        conv2.fold(bn2);
        conv3.fold(bn3);
    }
}
