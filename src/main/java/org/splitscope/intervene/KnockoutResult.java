package org.splitscope.intervene;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.SplitScopeException;
import org.splitscope.io.CsvTable;

/**
 * A knock-out sweep: for each split-attention block in depth order, the mean change over the images
 * when that block alone is intervened. The target class of an image is its true class where the
 * label is one of the model's classes, otherwise the class the plain network ranks first.
 *
 * @param modelSha256 null for random weights
 * @param mode the intervention, as written (uniform, onehot:R, scale:R:F)
 * @param labelled images whose label is a model class (top-1 accuracy is over these)
 * @param top1 top-1 accuracy of the plain network over the labelled images; null if none
 */
public record KnockoutResult(String model, String modelSha256, String mode, long images, long labelled, Double top1,
        List<Effect> blocks) {
    public static final String CSV = "knockout.csv";
    public static final String JSON = "knockout.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    /**
     * @param stage S of the module path layerS.B, from 1
     * @param deltaLogit mean of logit(target) with the block intervened minus without
     * @param deltaProbability the same for the softmax probability of the target
     * @param deltaTop1 change of top-1 accuracy over the labelled images; null if none
     * @param top1Changed fraction of all images whose top class changes
     */
    public record Effect(String block, int stage, double deltaLogit, double deltaProbability, Double deltaTop1,
            double top1Changed) {}

    public KnockoutResult {
        blocks = List.copyOf(blocks);
    }

    /** What the target class is, in words. */
    public String target() {
        return labelled == images ? "true class" : labelled == 0 ? "top class without intervention"
                : "true class where labelled, else the top class without intervention";
    }

    /** block, stage, delta_logit, delta_probability, delta_top1 (empty without labels), top1_changed. */
    public byte[] csv() {
        CsvTable csv = new CsvTable("%.8g", "block", "stage", "delta_logit", "delta_probability", "delta_top1", "top1_changed");
        for (Effect e : blocks) {
            csv.row(e.block(), e.stage(), e.deltaLogit(), e.deltaProbability(), e.deltaTop1(), e.top1Changed());
        }
        return csv.bytes();
    }

    /** knockout.json: model name and SHA-256, mode, target, counts, accuracy, one entry per block. */
    public JsonObject json() {
        JsonObject json = new JsonObject();
        JsonObject m = new JsonObject();
        m.addProperty("name", model);
        m.addProperty("sha256", modelSha256);
        json.add("model", m);
        json.addProperty("mode", mode);
        json.addProperty("target", target());
        json.addProperty("images", images);
        json.addProperty("labelled", labelled);
        json.addProperty("top1", top1);
        json.add("blocks", GSON.toJsonTree(blocks));
        return json;
    }

    public static String text(JsonObject json) {
        return GSON.toJson(json);
    }

    /** Reads OUT/knockout.json back (for the figure). */
    public static KnockoutResult read(Path dir) throws SplitScopeException {
        Path file = dir.resolve(JSON);
        try {
            JsonObject json = GSON.fromJson(Files.readString(file), JsonObject.class);
            JsonObject m = json.getAsJsonObject("model");
            List<Effect> blocks = new ArrayList<>();
            for (JsonElement e : json.getAsJsonArray("blocks")) {
                blocks.add(GSON.fromJson(e, Effect.class));
            }
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("no blocks");
            }
            return new KnockoutResult(string(m.get("name")), string(m.get("sha256")), json.get("mode").getAsString(),
                    json.get("images").getAsLong(), json.get("labelled").getAsLong(),
                    json.get("top1") == null || json.get("top1").isJsonNull() ? null : json.get("top1").getAsDouble(),
                    blocks);
        } catch (IOException | RuntimeException e) {
            throw new SplitScopeException(file + ": no readable knockout result (" + e.getMessage() + ")");
        }
    }

    private static String string(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
