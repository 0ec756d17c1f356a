package org.splitscope.io;

import com.google.gson.JsonObject;
import java.nio.file.Path;

/**
 * The {@code "model"} object of the JSON files a run writes (capture.json, cam.json, knockout.json,
 * stats.json): which network made them, with the checkpoint's SHA-256 so a reader can tell whether
 * two files came from the same weights. One place writes the keys; a null SHA-256 (random weights)
 * is a JSON null, written or left out as the file's Gson treats nulls.
 */
public final class ModelJson {
    public static final String NAME = "name";
    public static final String FILE = "file";
    public static final String SHA256 = "sha256";

    private ModelJson() {}

    /** {@code {"name": …, "sha256": …}} (knockout.json, stats.json). */
    public static JsonObject of(String name, String sha256) {
        JsonObject m = new JsonObject();
        m.addProperty(NAME, name);
        m.addProperty(SHA256, sha256);
        return m;
    }

    /**
     * Adds {@code "file"} (the checkpoint, null for random weights) and then {@code "sha256"} to a
     * model object that says more (capture.json, cam.json), keeping the keys in that order.
     */
    public static void addFile(JsonObject model, Path file, String sha256) {
        model.addProperty(FILE, file == null ? null : file.toString());
        model.addProperty(SHA256, sha256);
    }
}
