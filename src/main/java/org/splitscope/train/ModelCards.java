package org.splitscope.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.Capture;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.runtime.Timing;
import org.splitscope.io.AtomicFiles;
import org.splitscope.model.CaptureSink;
import org.splitscope.model.Weights;
import org.splitscope.model.nn.MacCounter;

/**
 * The JSON card beside each shipped model: what it is, how it was trained, and what it measured —
 * accuracy on the full test set, parameters, MFLOPs per image, images/s on this CPU.
 */
public final class ModelCards {
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** Inference speed as the card reports it: batch 64, the saved model as the explorer loads it. */
    public record Speed(long macsPerImage, double imagesPerSecond) {}

    private ModelCards() {}

    public static void write(Path card, String name, Path model, Training training, double testAccuracy,
            double trainingMinutes, int threads) throws IOException, SplitScopeException {
        Speed speed = measure(model);
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("file", model.getFileName().toString());
        json.addProperty("dataset", "Fashion-MNIST (Debian package dataset-fashion-mnist)");
        json.add("config", GSON.toJsonTree(training.network().config()));
        json.addProperty("notation", training.network().config().notation());
        json.add("preprocessing", GSON.toJsonTree(Training.PREPROCESSING));
        json.add("labels", GSON.toJsonTree(FashionMnist.LABELS));
        JsonObject recipe = GSON.toJsonTree(training.recipe()).getAsJsonObject();
        recipe.addProperty("optimizer", "SGD, Nesterov momentum");
        recipe.addProperty("schedule", "linear warm-up, cosine decay to 0");
        recipe.addProperty("augmentation", "random 28×28 crop of the image padded by 2 px, horizontal flip");
        recipe.addProperty("trainImages", training.trainImages());
        recipe.addProperty("command", "java -jar target/splitscope.jar train --variant " + name + " --out models");
        json.add("training", recipe);
        JsonObject results = new JsonObject();
        results.addProperty("testTop1", round(testAccuracy * 100));
        results.addProperty("testImages", 10_000);
        results.addProperty("validationTop1", round(training.history().get(training.history().size() - 1)
                .validationAccuracy() * 100));
        results.addProperty("parameters", Weights.count(training.network()));
        results.addProperty("mflops", round(speed.macsPerImage() / 1e6));
        results.addProperty("imagesPerSecond", Math.round(speed.imagesPerSecond()));
        results.addProperty("speedSetting", "CPU, batch 64, " + threads + " threads, batch norm folded");
        results.addProperty("trainingMinutes", round(trainingMinutes));
        results.addProperty("trainingThreads", threads);
        json.add("results", results);
        json.add("history", GSON.toJsonTree(training.history()));
        AtomicFiles.write(card, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            GSON.toJson(json, writer);
            writer.flush();
        });
    }

    /** Speed of a checkpoint as the explorer loads it. */
    public static Speed measure(Path model) throws SplitScopeException {
        try (LoadedModel loaded = ModelLoader.load(new ModelLoader.Request(model, null, false, null, Device.cpu()))) {
            return measure(loaded);
        }
    }

    /** MACs per image (counted in a real forward) and the median images/s over 40 batches of 64. */
    public static Speed measure(LoadedModel loaded) {
        int side = loaded.preprocessing().size();
        Shape shape = new Shape(64, loaded.config().inChannels(), side, side);
        long macs;
        try (NDManager scope = loaded.manager().newSubManager()) {
            NDArray one = scope.zeros(new Shape(1, shape.get(1), side, side));
            macs = MacCounter.count(1, () -> Capture.logits(loaded.network(), one));
        }
        double[] seconds = new double[50];
        for (int i = 0; i < seconds.length; i++) {
            try (NDManager scope = loaded.manager().newSubManager()) {
                NDArray input = scope.randomNormal(0, 1, shape, DataType.FLOAT32);
                long start = System.nanoTime();
                loaded.network().forward(input, CaptureSink.NONE).toFloatArray();
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
        }
        double[] timed = Arrays.copyOfRange(seconds, 10, seconds.length); // after warm-up
        return new Speed(macs, 64 / Timing.median(timed));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
