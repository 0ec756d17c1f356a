package org.splitscope.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.splitscope.engine.LoadedModel;
import org.splitscope.io.AtomicFiles;

/**
 * Writes a capture for analysis elsewhere: {@code capture.npz} (numpy-readable: {@code logits}
 * [N, classes], {@code <block>.attention} [N, R, K, C/K], {@code <block>.gap} [N, K, C/K]) and
 * {@code capture.json} (model, device, inputs, top-5, blocks, timings). Blocks captured with their
 * split maps add {@code <block>.splits} [N, R, C, H, W] and {@code <block>.fused} [N, C, H, W].
 * Each file appears whole or not at all.
 */
public final class CaptureExport {
    public static final String NPZ = "capture.npz";
    public static final String JSON = "capture.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private CaptureExport() {}

    /** An input left out (capture --skip-bad), with why. */
    public record Skipped(String path, String reason) {}

    public static void write(Path dir, LoadedModel model, List<String> inputs, CaptureResult result,
            Map<String, Double> timings) throws IOException {
        write(dir, model, inputs, List.of(), result, timings);
    }

    public static void write(Path dir, LoadedModel model, List<String> inputs, List<Skipped> skipped,
            CaptureResult result, Map<String, Double> timings) throws IOException {
        JsonObject report = report(model, inputs, result, timings);
        report.add("skipped", GSON.toJsonTree(skipped));
        try (NDManager manager = model.manager().newSubManager()) {
            NDList arrays = arrays(manager, result);
            // both or neither: a failure leaves the previous pair untouched
            AtomicFiles.writeAll(List.of(
                    Map.entry(dir.resolve(NPZ), out -> arrays.encode(out, NDList.Encoding.NPZ)),
                    Map.entry(dir.resolve(JSON), out -> {
                        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                        GSON.toJson(report, writer);
                        writer.flush();
                    })));
        }
    }

    /**
     * Deletes the hidden {@code .capture.*.part} files an interrupted or killed run left in {@code dir}.
     * Only while holding the folder's {@link org.splitscope.io.FolderLock}: then no part is anyone's.
     */
    public static void removeStaleParts(Path dir) throws IOException {
        try (var parts = java.nio.file.Files.newDirectoryStream(dir, ".capture.{npz,json}.*.part")) {
            for (Path part : parts) {
                java.nio.file.Files.deleteIfExists(part);
            }
        }
    }

    /** The capture as named arrays, in the npz layout the README documents. */
    private static NDList arrays(NDManager manager, CaptureResult result) {
        NDList list = new NDList();
        list.add(named(manager, "logits", result.logits(), result.batch(), result.classes()));
        for (BlockCapture b : result.blocks()) {
            list.add(named(manager, b.name() + ".attention", b.attention(), b.attentionShape(result.batch())));
            list.add(named(manager, b.name() + ".gap", b.gap(), b.gapShape(result.batch())));
            if (b.hasSplits()) {
                list.add(named(manager, b.name() + ".splits", b.splits(),
                        result.batch(), b.radix(), b.channels(), b.height(), b.width()));
                list.add(named(manager, b.name() + ".fused", b.fused(),
                        result.batch(), b.channels(), b.height(), b.width()));
            }
        }
        return list;
    }

    private static NDArray named(NDManager manager, String name, float[] data, long... shape) {
        NDArray array = manager.create(data, new Shape(shape));
        array.setName(name);
        return array;
    }

    static JsonObject report(LoadedModel model, List<String> inputs, CaptureResult result,
            Map<String, Double> timings) throws IOException {
        JsonObject json = new JsonObject();
        JsonObject modelJson = new JsonObject();
        modelJson.addProperty("name", model.name());
        modelJson.addProperty("preset", model.preset());
        modelJson.addProperty("configSource", model.configSource());
        modelJson.add("origins", GSON.toJsonTree(model.origins()));
        modelJson.addProperty("file", model.file() == null ? null : model.file().toString());
        modelJson.addProperty("sha256", model.sha256());
        modelJson.add("config", GSON.toJsonTree(model.config()));
        modelJson.addProperty("notation", model.config().notation());
        json.add("model", modelJson);
        json.addProperty("device", org.splitscope.engine.Devices.describe(model.device()));

        JsonArray inputsJson = new JsonArray();
        for (int i = 0; i < inputs.size(); i++) {
            JsonObject input = new JsonObject();
            input.addProperty("index", i);
            input.addProperty("source", inputs.get(i));
            JsonArray top = new JsonArray();
            for (Prediction p : Prediction.top(result.logits(i), 5, model.labels())) {
                top.add(GSON.toJsonTree(p));
            }
            input.add("top5", top);
            inputsJson.add(input);
        }
        json.add("inputs", inputsJson);

        JsonArray blocks = new JsonArray();
        for (BlockCapture b : result.blocks()) {
            JsonObject block = new JsonObject();
            block.addProperty("name", b.name());
            block.addProperty("radix", b.radix());
            block.addProperty("cardinality", b.cardinality());
            block.addProperty("channels", b.channels());
            block.add("attentionShape", GSON.toJsonTree(b.attentionShape(result.batch())));
            block.add("gapShape", GSON.toJsonTree(b.gapShape(result.batch())));
            blocks.add(block);
        }
        json.add("blocks", blocks);
        json.add("timingsMs", GSON.toJsonTree(timings));
        return json;
    }
}
