package org.splitscope.train;

import java.util.Map;
import org.splitscope.model.Mechanism;
import org.splitscope.model.ResNeStConfig;

/**
 * What the papers report for the ImageNet network each bundled model stands for, so the ablation
 * table carries them whenever it is measured afresh. The split-attention rows are ResNeSt's own
 * ablation (the "ResNeSt-fast" ResNeSt-50 variants: top-1, parameters, GFLOPs, images/s on a GPU).
 * The family rows are other papers' ImageNet ResNet-50-sized networks with their own recipes: their
 * top-1 and costs are what those papers print (a number a paper does not give stays null), named
 * with their source, and are never comparable with ResNeSt's rows beyond "the same scale".
 */
public final class AblationPapers {
    /**
     * @param model the network the paper measured ("ResNeSt-50-fast 2s1x64d", "SE-ResNet-50")
     * @param source where the numbers are printed
     */
    public record Paper(String model, String source, Double top1, Double parametersM, Double gflops,
            Double imagesPerSecond) {}

    static final String RESNEST = "Zhang et al., ResNeSt: Split-Attention Networks (2020), ablation of the "
            + "ResNeSt-fast variants of ResNeSt-50";

    private static final Map<String, Paper> SPLAT = Map.of(
            "0s1x64d", resnest("0s1x64d", 79.41, 26.4, 4.34, 688.2),
            "1s1x64d", resnest("1s1x64d", 80.35, 26.3, 4.34, 617.6),
            "2s1x64d", resnest("2s1x64d", 80.64, 27.5, 4.34, 533.0),
            "4s1x64d", resnest("4s1x64d", 80.90, 31.9, 4.35, 458.3),
            "2s2x40d", resnest("2s2x40d", 81.00, 26.9, 4.38, 481.8));

    /** Single 224 px crop, ImageNet validation; top-1 = 100 − the printed top-1 error where a paper prints errors. */
    private static final Map<Mechanism, Paper> FAMILY = Map.of(
            Mechanism.SE, new Paper("SE-ResNet-50", "Hu et al., Squeeze-and-Excitation Networks (CVPR 2018), "
                    + "Table 2: top-1 error 23.29 %, 3.87 GFLOPs", 76.71, null, 3.87, null),
            Mechanism.ECA, new Paper("ECA-Net50", "Wang et al., ECA-Net: Efficient Channel Attention (CVPR 2020), "
                    + "ResNet-50 backbone: top-1 77.48 %, 24.37 M parameters, 3.86 GFLOPs", 77.48, 24.37, 3.86, null),
            Mechanism.SK, new Paper("SKNet-50", "Li et al., Selective Kernel Networks (CVPR 2019), Table 2: "
                    + "top-1 error 20.79 % at 224 px, 27.5 M parameters, 4.47 GFLOPs (on ResNeXt-50 32x4d)",
                    79.21, 27.5, 4.47, null));

    private AblationPapers() {}

    private static Paper resnest(String notation, double top1, double parametersM, double gflops, double perSecond) {
        return new Paper("ResNeSt-50-fast " + notation, RESNEST, top1, parametersM, gflops, perSecond);
    }

    /** The paper's numbers for a bundled model's network, or null where no paper has that network. */
    public static Paper of(ResNeStConfig config) {
        return switch (config.mechanism()) {
            case SPLAT, NONE -> SPLAT.get(config.notation());
            default -> FAMILY.get(config.mechanism());
        };
    }
}
