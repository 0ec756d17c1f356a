package org.splitscope.capture;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.splitscope.engine.LoadedModel;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.ModelJson;
import org.splitscope.model.ResidualBlock;

/**
 * A capture for analysis elsewhere, as {@link CaptureWriter} writes it: {@code capture.npz} (numpy-readable: {@code logits}
 * [N, classes], {@code <block>.attention} [N, R, K, C/K], {@code <block>.gap} [N, K, C/K]) and
 * {@code capture.json} (model, device, inputs, top-5, blocks, timings). Blocks captured with their
 * split maps add {@code <block>.splits} [N, R, C, H, W] and {@code <block>.fused} [N, C, H, W].
 * Both files appear whole and together, or not at all.
 */
public final class CaptureExport {
    public static final String NPZ = "capture.npz";
    public static final String JSON = "capture.json";
    private static final com.google.gson.Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private CaptureExport() {}

    /** An input left out (capture --skip-bad), with why. */
    public record Skipped(String path, String reason) {}

    /**
     * Deletes the hidden {@code .capture.*.part} files and folders an interrupted or killed run left in {@code dir}.
     * Only while holding the folder's {@link org.splitscope.io.FolderLock}: then no part is anyone's.
     */
    public static void removeStaleParts(Path dir) throws IOException {
        try (var parts = java.nio.file.Files.newDirectoryStream(dir, ".capture.{npz,json,arrays}.*.part")) {
            for (Path part : parts) {
                AtomicFiles.deleteTree(part);
            }
        }
    }

    /** One input's line in capture.json: its index, source and top-5. */
    static JsonObject input(int index, String source, List<Prediction> top5) {
        JsonObject input = new JsonObject();
        input.addProperty("index", index);
        input.addProperty("source", source);
        JsonArray top = new JsonArray();
        for (Prediction p : top5) {
            top.add(GSON.toJsonTree(p));
        }
        input.add("top5", top);
        return input;
    }

    /** capture.json's interventions: block (or all) and mode as written, e.g. {"block": "layer2.0", "mode": "uniform"}. */
    static JsonArray interventions(Interventions interventions) {
        JsonArray list = new JsonArray();
        for (var i : interventions.list()) {
            JsonObject o = new JsonObject();
            o.addProperty("block", i.block());
            o.addProperty("mode", i.mode().text());
            list.add(o);
        }
        return list;
    }

    static String json(JsonObject report) {
        return GSON.toJson(report);
    }

    /** capture.json: model, device, the inputs, the blocks with their shapes, timings, skipped inputs. */
    static JsonObject report(LoadedModel model, JsonArray inputs, List<BlockCapture> blocks, int batch,
            List<Skipped> skipped, Map<String, Double> timings) throws IOException {
        JsonObject json = new JsonObject();
        JsonObject modelJson = new JsonObject();
        modelJson.addProperty("name", model.name());
        modelJson.addProperty("preset", model.preset());
        modelJson.addProperty("configSource", model.configSource());
        modelJson.add("origins", GSON.toJsonTree(model.origins()));
        ModelJson.addFile(modelJson, model.file(), model.sha256());
        modelJson.add("config", GSON.toJsonTree(model.config()));
        modelJson.addProperty("notation", model.config().notation());
        json.add("model", modelJson);
        json.addProperty("device", org.splitscope.runtime.Devices.describe(model.device()));
        json.add("inputs", inputs);
        JsonArray blocksJson = new JsonArray();
        Map<String, ResidualBlock> byName = new java.util.HashMap<>();
        model.network().blocks().forEach(b -> byName.put(b.name(), b));
        for (BlockCapture b : blocks) {
            JsonObject block = new JsonObject();
            block.addProperty("name", b.name());
            BlockMechanism mechanism = BlockMechanism.of(byName.get(b.name()));
            if (mechanism != null) {
                mechanism.addTo(block);
            }
            block.addProperty("radix", b.radix());
            block.addProperty("cardinality", b.cardinality());
            block.addProperty("channels", b.channels());
            block.add("attentionShape", GSON.toJsonTree(b.attentionShape(batch)));
            block.add("gapShape", GSON.toJsonTree(b.gapShape(batch)));
            blocksJson.add(block);
        }
        json.add("blocks", blocksJson);
        json.add("timingsMs", GSON.toJsonTree(timings));
        json.add("skipped", GSON.toJsonTree(skipped));
        return json;
    }
}
