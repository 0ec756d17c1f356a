package org.splitscope.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.splitscope.model.nn.BatchNorm2d;
import org.splitscope.model.nn.Conv;
import org.splitscope.model.nn.Linear;
import org.splitscope.model.nn.Module;

/**
 * A network of the ResNet family built from a {@link ResNeStConfig} — ResNeSt, and timm's ResNets
 * with an SE, ECA or SK attention slot — with the checkpoints' module tree: {@code conv1} (deep stem
 * or one 7×7 conv), {@code bn1}, max-pool, {@code layer1..4} of {@link ResidualBlock}s, global average
 * pool, {@code fc}; the SENet release has {@code layer0.conv1/bn1} (SENet-154: three convs, {@link
 * SenetStem}), a ceil-mode max-pool and {@code last_linear} (SENet-154's dropout before it is the identity
 * in inference, all these networks run here). {@link #getParameters()} lists exactly the checkpoint keys.
 *
 * <p>{@link #forward(NDArray, CaptureSink)} is the entry point: every block with attention ({@link
 * #attentionBlocks()}: split attention, SE, ECA or SK) reports its attention and GAP to the sink. In inference mode each block runs in its own {@link NDScope} so
 * its intermediates are freed as soon as the block is done (DJL frees nothing before its manager
 * closes otherwise).
 */
public final class ResNeSt extends Module {
    private final ResNeStConfig config;
    private final Module conv1;        // null with SENet-154's stem
    private final BatchNorm2d bn1;     // null with SENet-154's stem
    private final SenetStem senetStem; // SENet-154's layer0 (three convs, each with BN and ReLU); null otherwise
    private final List<ResidualBlock> blocks = new ArrayList<>();
    private final Linear fc;
    private boolean training;

    public ResNeSt(ResNeStConfig config) {
        this.config = config;
        if (config.legacy() && config.deepStem()) {
            senetStem = child("layer0", new SenetStem(config));
            conv1 = null;
            bn1 = null;
        } else {
            senetStem = null;
            Stage layer0 = config.legacy() ? child("layer0", new Stage()) : null;
            Module stem = config.deepStem()
                    ? new Stem(config)
                    : new Conv(config.inChannels(), config.stemChannels(), 7, config.stemStride(), 3, 1, false);
            conv1 = config.legacy() ? layer0.add("conv1", stem) : child("conv1", stem);
            BatchNorm2d stemNorm = new BatchNorm2d(config.stemChannels());
            bn1 = config.legacy() ? layer0.add("bn1", stemNorm) : child("bn1", stemNorm);
        }
        int in = config.stemChannels();
        int index = 0;
        for (int stage = 0; stage < config.stages(); stage++) {
            String stageName = "layer" + (stage + 1);
            Stage layer = child(stageName, new Stage());
            for (int b = 0; b < config.layers().get(stage); b++) {
                int stride = b == 0 ? config.stageStride(stage) : 1;
                ResNeStConfig.BlockWidths widths = config.blockWidths(index++, stage);
                ResidualBlock block = layer.add(Integer.toString(b),
                        block(stageName + "." + b, config, stage, widths, in, stride));
                blocks.add(block);
                in = widths.out();
            }
        }
        fc = child(config.legacy() ? "last_linear" : "fc", new Linear(config.featureChannels(), config.numClasses()));
    }

    /** The block the config asks for: the variant is data, this is the one place that reads it. */
    private static ResidualBlock block(String name, ResNeStConfig config, int stage, ResNeStConfig.BlockWidths widths,
            int in, int stride) {
        boolean sk = config.mechanism() == Mechanism.SK;
        if (config.block() == BlockType.BASIC) {
            return sk ? new SkBasicBlock(name, config, widths, in, stride)
                    : new BasicBlock(name, config, stage, widths, in, stride);
        }
        return sk ? new SkBottleneck(name, config, widths, in, stride)
                : new Bottleneck(name, config, stage, widths, in, stride);
    }

    /** A named list of modules ({@code layerS}, the SENet release's {@code layer0}), run by the network. */
    private static final class Stage extends Module {
        <B extends Block> B add(String name, B block) {
            return child(name, block);
        }
    }

    public ResNeStConfig config() {
        return config;
    }

    /** The residual blocks in forward order. */
    public List<ResidualBlock> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    /**
     * The blocks that have attention (split attention, SE, ECA or SK; radix at least 1), in depth
     * order: what capture records, the views draw and a knockout sweep turns off. Plain blocks
     * (radix 0) are left out.
     */
    public List<ResidualBlock> attentionBlocks() {
        return blocks.stream().filter(b -> b.radix() >= 1).toList();
    }

    /**
     * @param input [N, C_in, H, W], owned by the caller (not closed here)
     * @return logits [N, classes]
     */
    public NDArray forward(NDArray input, CaptureSink sink) {
        org.splitscope.runtime.IntraOpThreads.beforeForward(input.getDevice());
        NDArray x = scoped(input, in -> stem(channelsLast(in)));
        x = runBlocks(x, 0, blocks.size(), sink, true);
        return classify(x, true);
    }

    /**
     * A place to cut the network for gradients: the output of block {@code block} (after the
     * residual add and ReLU), or with {@code splitAttention} its attention module's output V (split
     * attention or SK: Σ a·U; SE/ECA: the gated branch).
     *
     * @param name the module path: {@code layer3.0} or {@code layer3.0.conv2}
     */
    public record Cut(String name, int block, boolean splitAttention) {}

    /** The activation at a cut, and the block's input that the rest still needs for its shortcut (V only). */
    public record Front(NDArray activation, NDArray blockInput) {}

    /**
     * @param target a block ({@code layer3.0}) or its attention module's output V: the module's path
     *     ({@code layer3.0.conv2}, {@code layer3.0.se}, SK basic blocks {@code layer3.0.conv1}), and for
     *     every mechanism {@code layer3.0.conv2} as the name the views use for V
     * @throws IllegalArgumentException naming what is wrong with {@code target}
     */
    public Cut cut(String target) {
        for (int i = 0; i < blocks.size(); i++) {
            ResidualBlock block = blocks.get(i);
            if (block.name().equals(target)) {
                return new Cut(target, i, false);
            }
            boolean v = target.equals(block.name() + ".conv2") || target.equals(block.attentionPath());
            if (v && block.radix() < 1) {
                throw new IllegalArgumentException(target + ": " + block.name()
                        + " has no attention (radix 0, a plain conv), so no attention output V");
            }
            if (v) {
                return new Cut(target, i, true);
            }
        }
        throw new IllegalArgumentException("no block '" + target + "': blocks are named like layer1.0 … "
                + blocks.get(blocks.size() - 1).name() + ", their attention outputs like "
                + (blocks.get(0).attentionPath() == null ? "layer1.0.conv2" : blocks.get(0).attentionPath()));
    }

    /** Stem and blocks up to the cut; {@code forwardFrom(forwardTo(x, cut), cut)} is {@code forward(x)}. */
    public Front forwardTo(NDArray input, Cut cut, CaptureSink sink) {
        NDArray x = scoped(input, in -> stem(channelsLast(in)));
        x = runBlocks(x, 0, cut.block(), sink, true);
        if (!cut.splitAttention()) {
            return new Front(runBlocks(x, cut.block(), cut.block() + 1, sink, true), null);
        }
        ResidualBlock block = blocks.get(cut.block());
        NDArray v = scoped(x, in -> block.head(in, sink));
        return new Front(v, x);
    }

    /** The rest of the network from a cut to the logits; the front's arrays stay open (the caller's). */
    public NDArray forwardFrom(Front front, Cut cut, CaptureSink sink) {
        NDArray x = front.activation();
        if (cut.splitAttention()) {
            ResidualBlock block = blocks.get(cut.block());
            x = scoped(x, v -> block.tail(v, front.blockInput()));
        }
        x = runBlocks(x, cut.block() + 1, blocks.size(), sink, x != front.activation());
        return classify(x, x != front.activation());
    }

    /** Blocks [from, to) on x; in inference each block's input is closed once used (x only if closeInput). */
    private NDArray runBlocks(NDArray x, int from, int to, CaptureSink sink, boolean closeInput) {
        for (int i = from; i < to; i++) {
            ResidualBlock block = blocks.get(i);
            NDArray previous = x;
            x = scoped(x, in -> block.apply(in, sink));
            if (!training && (i > from || closeInput)) {
                previous.close();
            }
        }
        return x;
    }

    /** Global average pool and fc: [N, C, H, W] → logits [N, classes]. */
    private NDArray classify(NDArray x, boolean closeInput) {
        NDArray pooled = Pool.globalAvgPool2d(x).reshape(x.getShape().get(0), -1);   // [N, features]
        NDArray logits = fc.apply(pooled);
        if (!training) {
            if (closeInput) {
                x.close();
            }
            pooled.close();
        }
        return logits;
    }

    /**
     * The same [N, C, H, W] array stored pixel by pixel (NHWC) underneath. Convolutions, pools and
     * element-wise ops keep that layout, and oneDNN's convolutions are faster on it (ResNeSt-50 on 2
     * cores: about 10 %).
     */
    private static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1)                  // [N, H, W, C] view
                .reshape(s.size())                      // copied in NHWC order
                .reshape(s.get(0), s.get(2), s.get(3), s.get(1))
                .transpose(0, 3, 1, 2);                 // [N, C, H, W] view of NHWC memory
    }

    private NDArray stem(NDArray x) {
        NDArray out = senetStem != null ? senetStem.apply(x) : Activation.relu(bn1.apply(conv1.apply(x)));
        if (config.stemPool()) {
            // the SENet release pools in ceil mode without padding
            out = config.legacy()
                    ? Pool.maxPool2d(out, new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), true)
                    : Pool.maxPool2d(out, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
        }
        return out;
    }

    /** Runs one step; in inference everything it created but its output is closed at once. */
    private NDArray scoped(NDArray x, java.util.function.UnaryOperator<NDArray> step) {
        if (training) {
            return step.apply(x);
        }
        try (NDScope scope = new NDScope()) {
            NDArray out = step.apply(x);
            NDScope.unregister(out);
            return out;
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(inputs.singletonOrThrow(), CaptureSink.NONE));
    }

    /** One image batch of any size: [N, C_in, H, W]. */
    @Override
    public PairList<String, Shape> describeInput() {
        return new PairList<>(List.of("image"), List.of(new Shape(-1, config.inChannels(), -1, -1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.numClasses())};
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
        super.setTraining(training);
    }

    /** Inference only: folds every batch norm into the conv before it (the weights stay as loaded). */
    public void foldBatchNorm() {
        if (training) {
            throw new IllegalStateException("batch norm can only be folded in inference mode");
        }
        if (senetStem != null) {
            senetStem.foldBatchNorm();
        } else if (conv1 instanceof Stem stem) {
            stem.foldBatchNorm();
            stem.conv6.fold(bn1);
        } else {
            ((Conv) conv1).fold(bn1);
        }
        blocks.forEach(ResidualBlock::foldBatchNorm);
    }
}
