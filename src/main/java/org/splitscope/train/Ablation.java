package org.splitscope.train;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.SplitScopeException;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.model.Weights;

/**
 * The ablation over trained models, measured afresh: top-1 on the full test set (with the model as
 * the explorer loads it), parameters, MFLOPs (MACs) per image, images/s; per row its attention
 * mechanism and what the papers report for the network it stands for ({@link AblationPapers}).
 */
public final class Ablation {
    /**
     * @param mechanism {@code splat}, {@code none} (radix 0), {@code se}, {@code eca}, {@code sk}
     * @param paperModel the paper's network whose numbers stand beside ours; null (and the paper columns too) for none
     */
    public record Row(String name, String notation, String mechanism, int radix, int cardinality, int bottleneckWidth,
            double testTop1, long parameters, double mflops, double imagesPerSecond, String paperModel,
            String paperSource, Double paperTop1, Double paperParametersM, Double paperGflops,
            Double paperImagesPerSecond) {}

    private Ablation() {}

    public static List<Row> measure(List<Path> models, FashionMnist.Split test) throws SplitScopeException {
        List<Row> rows = new ArrayList<>();
        // The first model measured in a process also pays for warming up the JIT and the allocator.
        ModelCards.measure(models.get(0));
        for (Path file : models) {
            try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(file, null, false, null, Device.cpu()))) {
                ModelCards.Speed speed = ModelCards.measure(model);
                double top1 = Evaluation.accuracy(model.network(), model.manager(), test, Evaluation.everyIndex(test));
                var c = model.config();
                AblationPapers.Paper paper = AblationPapers.of(c);
                rows.add(new Row(model.name(), c.notation(), c.mechanism().key(), c.radix(), c.cardinality(),
                        c.bottleneckWidth(), Math.round(top1 * 10000) / 100.0, Weights.count(model.network()),
                        Math.round(speed.macsPerImage() / 1e4) / 100.0, Math.round(speed.imagesPerSecond()),
                        paper == null ? null : paper.model(), paper == null ? null : paper.source(),
                        paper == null ? null : paper.top1(), paper == null ? null : paper.parametersM(),
                        paper == null ? null : paper.gflops(), paper == null ? null : paper.imagesPerSecond()));
            }
        }
        return rows;
    }
}
