package org.splitscope.capture;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;
import org.splitscope.io.SavedJson;
import org.splitscope.model.AttentionWords;
import org.splitscope.model.Mechanism;
import org.splitscope.model.ResidualBlock;

/**
 * What a block's attention is, as the files that list blocks record it (capture.json, knockout.json):
 * {@code "mechanism"} (splat, se, eca, sk), {@code "module"} (its path), {@code "gate"} (sigmoid, softmax
 * over splits, softmax over paths) and for SK {@code "paths"} [{kernel, dilation}]. One writer for all
 * of them, so the files say it in the same words.
 *
 * @param module the attention module's path, e.g. {@code layer2.0.se} or {@code layer2.0.conv2}
 * @param gate {@link #SIGMOID}, {@link #SOFTMAX_SPLITS} or {@link #SOFTMAX_PATHS}
 * @param paths SK's paths in order; empty for the others
 */
public record BlockMechanism(Mechanism mechanism, String module, String gate, List<KernelPath> paths) {
    public static final String SIGMOID = "sigmoid";
    public static final String SOFTMAX_SPLITS = "softmax over splits";
    public static final String SOFTMAX_PATHS = "softmax over paths";

    /** One SK path: its kernel size and dilation. */
    public record KernelPath(int kernel, int dilation) {}

    public BlockMechanism {
        paths = List.copyOf(paths);
    }

    /** The block's mechanism as the network has it; null for a block without attention. */
    public static BlockMechanism of(ResidualBlock block) {
        if (block == null || block.mechanism() == Mechanism.NONE) {
            return null;
        }
        Mechanism m = block.mechanism();
        List<KernelPath> paths = new ArrayList<>();
        for (int[] p : block.paths()) {
            paths.add(new KernelPath(p[0], p[1]));
        }
        return new BlockMechanism(m, block.attentionPath(),
                m.isGate(block.radix()) ? SIGMOID : m == Mechanism.SK ? SOFTMAX_PATHS : SOFTMAX_SPLITS, paths);
    }

    /** Adds mechanism, module, gate and (SK) paths to a block's JSON object. */
    public void addTo(JsonObject json) {
        json.addProperty("mechanism", mechanism.key());
        json.addProperty("module", module);
        json.addProperty("gate", gate);
        if (!paths.isEmpty()) {
            JsonArray list = new JsonArray();
            for (KernelPath p : paths) {
                JsonObject path = new JsonObject();
                path.addProperty("kernel", p.kernel());
                path.addProperty("dilation", p.dilation());
                list.add(path);
            }
            json.add("paths", list);
        }
    }

    /** SK: "3×3, 3×3 dilation 2", as ResidualBlock words its paths; empty for the others. */
    public String pathWords() {
        return paths.stream().map(p -> AttentionWords.kernel(p.kernel(), p.dilation()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Reads back what {@link #addTo} wrote into the block object {@code b} of a saved file, checked:
     * a mechanism with attention, the module inside {@code block}, the gate that mechanism has and SK's
     * 2 – 16 paths (none for the others). Null where the file has no {@code "mechanism"}: written
     * before blocks recorded it.
     *
     * @param at the object's place in the file for messages, e.g. {@code blocks[3]}
     */
    public static BlockMechanism read(SavedJson f, JsonObject b, String at, String block) throws SplitScopeException {
        if (!b.has("mechanism")) {
            return null;
        }
        String key = f.string(b.get("mechanism"), at + ".mechanism", false, 16);
        Mechanism m = Mechanism.ofKey(key).filter(x -> x != Mechanism.NONE).orElseThrow(
                () -> f.bad(at + ".mechanism", "is '" + Printable.clean(key) + "', no attention SplitScope knows"));
        String module = f.string(b.get("module"), at + ".module", false, 256);
        if (!module.startsWith(block + ".") || module.length() == block.length() + 1) {
            throw f.bad(at + ".module", "is not a module of block " + Printable.clean(block));
        }
        String gate = f.string(b.get("gate"), at + ".gate", false, 32);
        boolean fits = switch (m) {
            case SE, ECA -> gate.equals(SIGMOID);
            case SK -> gate.equals(SOFTMAX_PATHS);
            default -> gate.equals(SIGMOID) || gate.equals(SOFTMAX_SPLITS);
        };
        if (!fits) {
            throw f.bad(at + ".gate", "is '" + Printable.clean(gate) + "', not the gate " + key + " has");
        }
        List<KernelPath> paths = new ArrayList<>();
        if (m == Mechanism.SK) {
            JsonArray list = f.array(b, "paths", at + ".paths", 16);
            if (list.size() < 2) {
                throw f.bad(at + ".paths", "has " + list.size() + " entries; SK selects between at least 2");
            }
            for (int i = 0; i < list.size(); i++) {
                String p = at + ".paths[" + i + "]";
                JsonObject path = f.object(list.get(i), p);
                paths.add(new KernelPath((int) f.whole(path.get("kernel"), p + ".kernel", 1, 15),
                        (int) f.whole(path.get("dilation"), p + ".dilation", 1, 16)));
            }
        } else if (b.has("paths")) {
            throw f.bad(at + ".paths", "is there, but only SK blocks have paths");
        }
        return new BlockMechanism(m, module, gate, paths);
    }
}
