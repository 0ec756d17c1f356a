package org.splitscope.analysis;

import java.util.List;
import org.splitscope.model.Mechanism;

/**
 * The ablation over the bundled models: per model its attention mechanism, our measurements on
 * Fashion-MNIST and the paper's ImageNet numbers for the network it stands for (models/ablation.json;
 * a number no paper gives is null).
 */
public record AblationTable(String dataset, String paper, List<Row> rows) {

    public AblationTable {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * @param mechanism {@code splat}, {@code none}, {@code se}, {@code eca} or {@code sk}; a file written before
     *     the family joined has none, and its rows are split attention, or none at radix 0
     * @param paperModel the paper's network ("ResNeSt-50-fast 2s1x64d", "SE-ResNet-50"); null in older files
     * @param paperSource where the paper's numbers are printed; null in older files (ResNeSt's ablation)
     */
    public record Row(String name, String notation, String mechanism, int radix, int cardinality, double testTop1,
            long parameters, double mflops, double imagesPerSecond, String paperModel, String paperSource,
            Double paperTop1, Double paperParametersM, Double paperGflops, Double paperImagesPerSecond) {

        public Row {
            if (mechanism == null || mechanism.isBlank()) {
                mechanism = radix == 0 ? "none" : "splat";
            }
        }

        /** Split attention or radix 0: ResNeSt's own ablation, whose costs compare row to row. */
        public boolean resnest() {
            return mechanism.equals("splat") || mechanism.equals("none");
        }

        /** The mechanism, or null for a key this version does not know (a newer file). */
        public Mechanism kind() {
            return Mechanism.ofKey(mechanism).orElse(null);
        }

        /** The mechanism in words: "split attention", "none", "squeeze-excitation", … (the key if unknown). */
        public String mechanismWords() {
            Mechanism m = kind();
            return m == null ? mechanism : m == Mechanism.NONE ? "none (radix 0)" : m.words();
        }
    }
}
