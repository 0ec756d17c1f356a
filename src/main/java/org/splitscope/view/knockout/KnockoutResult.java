package org.splitscope.view.knockout;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.SplitScopeException;
import org.splitscope.capture.BlockMechanism;
import org.splitscope.capture.Intervention;
import org.splitscope.io.CsvTable;

/**
 * A knock-out sweep: for each attention block (split attention, SE, ECA or SK) in depth order, the mean change over the images
 * when that block alone is intervened. The target class of an image is its true class where the
 * label is one of the model's classes, otherwise the class the plain network ranks first.
 *
 * @param modelSha256 null for random weights
 * @param input what the sweep ran over, as the figure's caption names it: the input folder's name (knockout)
 *     or the image's (the window); null in a knockout.json written before it was recorded
 * @param mode the intervention, as written (uniform, onehot:R, scale:R:F)
 * @param labelled images whose label is a model class (top-1 accuracy is over these)
 * @param top1 top-1 accuracy of the plain network over the labelled images; null if none
 */
public record KnockoutResult(String model, String modelSha256, String input, String mode, long images, long labelled, Double top1,
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
     * @param mechanism what the block's attention is (SE/ECA gate, SK paths, split attention); null when read
     *     from a knockout.json written before the file recorded it
     */
    public record Effect(String block, int stage, double deltaLogit, double deltaProbability, Double deltaTop1,
            double top1Changed, BlockMechanism mechanism) {}

    public KnockoutResult {
        blocks = List.copyOf(blocks);
    }

    /** What the target class is, in words. */
    public String target() {
        return labelled == images ? "true class" : labelled == 0 ? "top class without intervention"
                : "true class where labelled, else the top class without intervention";
    }

    /**
     * A comment line saying what made the table (model, its SHA-256, mode, images; pandas reads it with
     * {@code comment='#'}), then block, stage, delta_logit, delta_probability, delta_top1 (empty
     * without labels), top1_changed.
     */
    public byte[] csv() {
        CsvTable csv = CsvTable.withProvenance("splitscope " + org.splitscope.Version.NAME + " knockout; model "
                + org.splitscope.io.Printable.clean(String.valueOf(model)) + (modelSha256 == null ? " (random weights)"
                        : " sha256 " + modelSha256) + "; mode " + org.splitscope.io.Printable.clean(mode) + "; target "
                + target() + "; " + images + " image" + (images == 1 ? "" : "s") + ", " + labelled + " labelled",
                "%.8g", "block", "stage", "delta_logit", "delta_probability", "delta_top1", "top1_changed");
        for (Effect e : blocks) {
            csv.row(e.block(), e.stage(), e.deltaLogit(), e.deltaProbability(), e.deltaTop1(), e.top1Changed());
        }
        return csv.bytes();
    }

    /**
     * knockout.json: model name and SHA-256, input, mode, target, counts, accuracy, one entry per block with its
     * mechanism as capture.json names it ({@link BlockMechanism}).
     */
    public JsonObject json() {
        JsonObject json = new JsonObject();
        json.add("model", org.splitscope.io.ModelJson.of(model, modelSha256));
        if (input != null) {
            json.addProperty("input", input);
        }
        json.addProperty("mode", mode);
        json.addProperty("target", target());
        json.addProperty("images", images);
        json.addProperty("labelled", labelled);
        json.addProperty("top1", top1);
        JsonArray list = new JsonArray();
        for (Effect e : blocks) {
            JsonObject b = new JsonObject();
            b.addProperty("block", e.block());
            b.addProperty("stage", e.stage());
            if (e.mechanism() != null) {
                e.mechanism().addTo(b);
            }
            b.addProperty("deltaLogit", e.deltaLogit());
            b.addProperty("deltaProbability", e.deltaProbability());
            b.addProperty("deltaTop1", e.deltaTop1()); // JSON null without labels
            b.addProperty("top1Changed", e.top1Changed());
            list.add(b);
        }
        json.add("blocks", list);
        return json;
    }

    public static String text(JsonObject json) {
        return GSON.toJson(json);
    }

    /** Far above any network (ResNeSt-269 has 48 blocks); low enough that a hostile file cannot exhaust memory. */
    static final int MAX_BLOCKS = 10_000;
    private static final java.util.regex.Pattern BLOCK = java.util.regex.Pattern.compile("layer([0-9]{1,3})\\.[0-9]{1,4}");

    /**
     * Reads OUT/knockout.json back (for the figure), checked field by field: a regular file of at most
     * 64 MiB, counts whole and consistent, every change finite and within what it can be (a
     * probability change within ±1, fractions within 0 – 1); one line naming the field otherwise.
     */
    public static KnockoutResult read(Path dir) throws SplitScopeException {
        org.splitscope.io.SavedJson f = org.splitscope.io.SavedJson.read(dir.resolve(JSON), 64L << 20);
        JsonObject json = f.root();
        JsonObject m = f.object(json, "model", "model");
        String name = f.string(m.get("name"), "model.name", true, 4096);
        String sha = f.string(m.get("sha256"), "model.sha256", true, 64);
        if (sha != null && !sha.matches("[0-9a-f]{64}")) {
            throw f.bad("model.sha256", "is not a SHA-256 (64 hex digits)");
        }
        String input = f.string(json.get("input"), "input", true, 4096); // absent before it was recorded
        String mode = f.string(json.get("mode"), "mode", false, 256);
        try {
            Intervention.parseMode(mode);
        } catch (SplitScopeException e) {
            throw f.bad("mode", "is no intervention (uniform, onehot:R or scale:R:F)");
        }
        long images = f.whole(json.get("images"), "images", 1, Long.MAX_VALUE / 2);
        long labelled = f.whole(json.get("labelled"), "labelled", 0, images);
        Double top1 = f.nullableNumber(json.get("top1"), "top1", 0, 1);
        var array = f.array(json, "blocks", "blocks", MAX_BLOCKS);
        if (array.isEmpty()) {
            throw f.bad("blocks", "is empty");
        }
        List<Effect> blocks = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "blocks[" + i + "]";
            JsonObject b = f.object(array.get(i), at);
            String block = f.string(b.get("block"), at + ".block", false, 256);
            blocks.add(new Effect(block, (int) f.whole(b.get("stage"), at + ".stage", 0, 1000),
                    f.number(b.get("deltaLogit"), at + ".deltaLogit", -1e30, 1e30),
                    f.number(b.get("deltaProbability"), at + ".deltaProbability", -1, 1),
                    f.nullableNumber(b.get("deltaTop1"), at + ".deltaTop1", -1, 1),
                    f.number(b.get("top1Changed"), at + ".top1Changed", 0, 1),
                    BlockMechanism.read(f, b, at, block))); // null in files written before it was recorded
        }
        // Δ top-1 and top-1 exist exactly when some image is labelled (the figure draws them then)
        if ((top1 == null) != (labelled == 0)) {
            throw f.bad("top1", labelled == 0 ? "must be null without labelled images" : "is missing for " + labelled
                    + " labelled images");
        }
        for (int i = 0; i < blocks.size(); i++) {
            if ((blocks.get(i).deltaTop1() == null) != (labelled == 0)) {
                throw f.bad("blocks[" + i + "].deltaTop1", labelled == 0 ? "must be null without labelled images"
                        : "is missing for " + labelled + " labelled images");
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            java.util.regex.Matcher path = BLOCK.matcher(blocks.get(i).block());
            if (!path.matches() || Integer.parseInt(path.group(1)) != blocks.get(i).stage()) {
                throw f.bad("blocks[" + i + "]", "is not a block layerS.B of stage S");
            }
        }
        return new KnockoutResult(name, sha, input, mode, images, labelled, top1, blocks);
    }
}
