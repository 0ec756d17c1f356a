package org.splitscope.figure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.splitscope.Version;
import org.splitscope.io.Printable;

/**
 * Where a figure comes from, written into every exported file (PNG text chunks, SVG metadata, PDF
 * document information) and, shortened, into its caption line.
 *
 * @param modelSha256 null for random weights
 * @param group e.g. "all groups" or "k = 1"
 * @param split e.g. "r = 0" or "V (fused)"; null where the view has no split
 * @param scale the attention colour scale; null where the view has none
 * @param extra what only some views record (the Grad-CAM view's class and method), in order
 */
public record Provenance(String view, String model, String modelSha256, String image, String imageSha256,
        String block, String group, String split, String colormap, String scale, Map<String, String> extra) {

    public Provenance {
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public Provenance(String view, String model, String modelSha256, String image, String imageSha256,
            String block, String group, String split, String colormap, String scale) {
        this(view, model, modelSha256, image, imageSha256, block, group, split, colormap, scale, Map.of());
    }

    /** The key under which forced attention is recorded (PNG, SVG, PDF, data JSON). */
    public static final String INTERVENTION = "Intervention";

    /**
     * The same provenance with the attention forced while it was drawn ({@code describe}: e.g. "all
     * blocks uniform"); unchanged for null. A figure of forced attention must never pass for the
     * network as trained, so the caption says it too.
     */
    public Provenance withIntervention(String describe) {
        if (describe == null || describe.isBlank()) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(extra);
        more.put(INTERVENTION, describe);
        return new Provenance(view, model, modelSha256, image, imageSha256, block, group, split, colormap, scale, more);
    }

    /** What was forced (e.g. "all blocks uniform"), or null for the network as trained. */
    public String intervention() {
        return extra.get(INTERVENTION);
    }

    /** The caption line: model · image · block, and "attention forced: …" when it was. */
    public String caption() {
        String forced = intervention();
        return Printable.clean(model) + " · " + Printable.clean(image) + " · " + block
                + (forced == null ? "" : " · attention forced: " + Printable.clean(forced));
    }

    public String title() {
        return "SplitScope " + view + " · " + caption();
    }

    /** Key and value of everything recorded, in a fixed order; values cleaned of control characters. */
    public Map<String, String> entries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Title", title());
        m.put("Software", Version.NAME);
        m.put("View", view);
        m.put("Model", model);
        m.put("Model SHA-256", modelSha256 == null ? "none (random weights)" : modelSha256);
        m.put("Image", image);
        m.put("Image SHA-256", imageSha256);
        m.put("Block", block);
        m.put("Group", group);
        if (split != null) {
            m.put("Split", split);
        }
        m.put("Colormap", colormap);
        if (scale != null) {
            m.put("Scale", scale);
        }
        m.putAll(extra);
        m.replaceAll((k, v) -> v == null ? "" : Printable.clean(v));
        return m;
    }
}
