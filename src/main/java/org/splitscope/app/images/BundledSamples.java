package org.splitscope.app.images;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.input.ImageInputException;
import org.splitscope.input.ImageLoader;

/**
 * The sample images that ship with SplitScope: {@code /samples/} in the jar, listed by
 * {@code /samples/index.json}, or the top-level {@code resources/samples/} folder when running from
 * a checkout. Anything missing or unreadable yields fewer samples, never an error: the explorer
 * must open without them.
 */
public final class BundledSamples {
    private static final String INDEX = "/samples/index.json";
    private static final Path CHECKOUT = Path.of("resources", "samples");

    private BundledSamples() {}

    /** Sample image files on disk (unpacked from the jar into the cache on first use), in index order. */
    public static List<Path> files() {
        try (InputStream in = BundledSamples.class.getResourceAsStream(INDEX)) {
            if (in != null) {
                List<Path> out = new ArrayList<>();
                for (String name : names(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                    Path file = unpack(name);
                    if (file != null) {
                        out.add(file);
                    }
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the checkout folder
        }
        try {
            return Files.isDirectory(CHECKOUT) ? ImageLoader.listImages(CHECKOUT) : List.of();
        } catch (ImageInputException e) {
            return List.of();
        }
    }

    /**
     * File names from the index, whatever its shape: a list of names, a list of objects with a
     * {@code file} (or {@code name}) field, or an object holding such a list.
     */
    static List<String> names(String json) {
        List<String> names = new ArrayList<>();
        collect(JsonParser.parseString(json), names);
        return names.stream().filter(BundledSamples::safeName).distinct().toList();
    }

    private static void collect(JsonElement element, List<String> names) {
        if (element == null || element.isJsonNull()) {
            return;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            names.add(element.getAsString());
        } else if (element.isJsonArray()) {
            for (JsonElement e : (JsonArray) element) {
                collect(e, names);
            }
        } else if (element.isJsonObject()) {
            JsonObject o = element.getAsJsonObject();
            for (String key : new String[] {"file", "name", "path"}) {
                if (o.has(key) && o.get(key).isJsonPrimitive()) {
                    names.add(o.get(key).getAsString());
                    return;
                }
            }
            for (var entry : o.entrySet()) {
                if (entry.getValue().isJsonArray()) {
                    collect(entry.getValue(), names);
                }
            }
        }
    }

    /** A plain file name with an image extension: the index cannot point outside /samples/. */
    private static boolean safeName(String name) {
        return !name.isBlank() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".")
                && ImageLoader.isImageFile(Path.of(name));
    }

    private static Path unpack(String name) throws IOException {
        try (InputStream in = BundledSamples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            Path dir = Path.of(System.getProperty("splitscope.cache",
                    Path.of(System.getProperty("user.home"), ".splitscope").toString())).resolve("samples");
            Path target = dir.resolve(name);
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return target;
            }
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, name, ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }
}
