package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;
import org.splitscope.model.nn.Module;

/**
 * SKNet's selective-kernel conv (timm's SelectiveKernel; keys {@code paths.m.conv/bn},
 * {@code attn.fc_reduce}, {@code attn.bn}, {@code attn.fc_select}): M paths of 3×3 convs with dilation
 * 1, 2, … (the paper's 3×3, 5×5, …), each conv + BN + ReLU, on the whole input or (split input) on
 * its m-th part; s = GAP(Σ_m U_m), a = softmax over m of fc_select(ReLU(bn(fc_reduce(s)))), and the
 * output V = Σ_m a_m ⊙ U_m. Reports a as [N, M, 1, C] (path-major) and s as [N, 1, C].
 */
final class SelectiveKernel extends Module {
    private final String block;
    private final int paths;
    private final int channels;
    private final boolean splitInput;
    private final List<ConvNormAct> path = new ArrayList<>();
    final Conv fcReduce;
    final BatchNorm2d bn;
    final Conv fcSelect;

    /** A named list of modules (a PyTorch ModuleList). */
    private static final class Children extends Module {
        <M extends Module> M add(String name, M module) {
            return child(name, module);
        }
    }

    SelectiveKernel(String block, int in, int channels, int stride, int paths, int groups, boolean splitInput,
            int attentionChannels) {
        this.block = block;
        this.paths = paths;
        this.channels = channels;
        this.splitInput = splitInput;
        if (splitInput && in % paths != 0) {
            throw new IllegalArgumentException(block + ": " + in + " input channels do not split into " + paths + " paths");
        }
        int pathIn = splitInput ? in / paths : in;
        int pathGroups = Math.min(channels, groups);
        Children list = child("paths", new Children());
        for (int m = 0; m < paths; m++) {
            path.add(list.add(Integer.toString(m), new ConvNormAct(pathIn, channels, 3, stride, m + 1, pathGroups, true)));
        }
        Children attn = child("attn", new Children());
        fcReduce = attn.add("fc_reduce", new Conv(channels, attentionChannels, 1, 1, 0, 1, false));
        bn = attn.add("bn", new BatchNorm2d(attentionChannels));
        fcSelect = attn.add("fc_select", new Conv(attentionChannels, channels * paths, 1, 1, 0, 1, false));
    }

    NDArray apply(NDArray x, CaptureSink sink) {
        long n = x.getShape().get(0);
        NDList inputs = splitInput ? x.split(paths, 1) : null;               // the input's M parts (views)
        NDList u = new NDList(paths);
        for (int m = 0; m < paths; m++) {                                    // U_m = ReLU(BN(conv_m(X))): [N, C, H, W]
            u.add(path.get(m).apply(splitInput ? inputs.get(m) : x));
        }
        NDArray s = Pool.globalAvgPool2d(sum(u)).reshape(n, channels);       // s = GAP(Σ_m U_m): [N, C]
        NDArray z = Activation.relu(bn.apply(fcReduce.applyToVector(s)));    // [N, d]
        NDArray logits = fcSelect.applyToVector(z);                          // [N, M·C], path-major
        NDArray attention = logits.reshape(n, paths, 1, channels).softmax(1); // a: softmax over m, [N, M, 1, C]
        attention = sink.intervene(block, attention);                        // forced a, if any
        NDList weights = attention.reshape(n, paths * channels).split(paths, 1); // M × [N, C]: a_m
        NDArray fused = u.get(0).mul(weights.get(0).reshape(n, channels, 1, 1));
        for (int m = 1; m < paths; m++) {                                    // V = Σ_m a_m ⊙ U_m
            fused.addi(u.get(m).mul(weights.get(m).reshape(n, channels, 1, 1)));
        }

        sink.attention(block, attention, s.reshape(n, 1, channels));
        if (sink.wantsSplits(block)) {
            sink.splits(block, NDArrays.stack(u, 1), fused);                 // [N, M, C, H, W]
        }
        if (sink.wantsInternals(block)) {
            sink.internals(block, x, z, logits);
        }
        return fused;
    }

    /** Σ_m U_m by adding one path at a time (keeps the channels-last layout; see SplitAttention). */
    private static NDArray sum(NDList u) {
        NDArray total = u.get(0).add(u.get(1));
        for (int m = 2; m < u.size(); m++) {
            total.addi(u.get(m));
        }
        return total;
    }

    /** [kernel, dilation] of each path. */
    int[][] kernels() {
        int[][] out = new int[paths][];
        for (int m = 0; m < paths; m++) {
            out[m] = new int[] {3, m + 1};
        }
        return out;
    }

    void foldBatchNorm() {
        path.forEach(ConvNormAct::foldBatchNorm);
        fcReduce.fold(bn);
        fcReduce.useMatrix();
        fcSelect.useMatrix();
    }
}
