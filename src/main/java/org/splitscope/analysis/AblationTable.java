package org.splitscope.analysis;

import java.util.List;

/**
 * The radix/cardinality ablation: per bundled variant our measurements on Fashion-MNIST and the
 * paper's on ImageNet (models/ablation.json; the paper's numbers are null where the file has none).
 */
public record AblationTable(String dataset, String paper, List<Row> rows) {

    public record Row(String name, String notation, double testTop1, long parameters, double mflops,
            double imagesPerSecond, Double paperTop1, Double paperParametersM, Double paperGflops,
            Double paperImagesPerSecond) {}
}
