package org.splitscope.app;

import org.splitscope.app.base.Settings;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.splitscope.SplitScopeException;
import org.splitscope.TestSupport;
import org.splitscope.checkpoint.Checkpoints;
import org.splitscope.checkpoint.SafetensorsWriter;
import org.splitscope.input.Preprocessing;
import org.splitscope.model.Metadata;
import org.splitscope.model.ResNeStConfig;

/**
 * A stand-in for the bundled Fashion-MNIST models until they ship: the 28×28 grey parity fixture
 * (radix 2, cardinality 2, stages 1·1·1, stride-1 stem without pool) written as a SplitScope
 * safetensors file that describes itself, so it loads through the real {@code ModelLoader} with the
 * right stem, preprocessing and class names.
 */
public final class TestModels {
    public static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static Path gray28;

    private TestModels() {}

    public static synchronized Path gray28() throws IOException, SplitScopeException {
        if (gray28 != null && Files.isRegularFile(gray28)) {
            return gray28;
        }
        Path dir = Path.of("target", "test-models");
        Files.createDirectories(dir);
        Path file = dir.resolve("r2k2_gray28_fashion.safetensors");
        ResNeStConfig config = ResNeStConfig.builder().layers(1, 1, 1).radix(2).cardinality(2).bottleneckWidth(64)
                .basePlanes(4).stemWidth(4).deepStem(true).avgDown(true).avd(true).numClasses(10).inChannels(1)
                .stemStride(1).stemPool(false).build();
        Preprocessing preprocessing = new Preprocessing(28, 1.0, Preprocessing.Interpolation.BILINEAR,
                new float[] {0.2860f}, new float[] {0.3530f}, 1);
        Gson gson = new Gson();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(Metadata.CONFIG, gson.toJson(config));
        metadata.put(Metadata.PREPROCESSING, gson.toJson(preprocessing));
        metadata.put(Metadata.LABELS, gson.toJson(FASHION));
        metadata.put(Metadata.NAME, "test r2k2 grey 28 (random weights)");
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> tensors = Checkpoints.read(TestSupport.resource("parity/r2k2_gray28.safetensors"), manager)
                    .tensors();
            SafetensorsWriter.write(file, tensors, metadata);
        }
        gray28 = file;
        return file;
    }

    /** An RGB test image with structure (coloured blocks). */
    public static Path image() {
        return TestSupport.resource("input/formats/blocks.png");
    }

    /** A settings node of its own; call {@link Settings#clear()} afterwards. */
    public static Settings settings() {
        return new Settings(Preferences.userRoot().node("splitscope-test/" + UUID.randomUUID()));
    }
}
