package org.splitscope.models;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.splitscope.SplitScopeException;

/**
 * The models that ship inside SplitScope: the {@code models/} folder, embedded in the jar as
 * class-path resources and listed in {@code models/index.json}. Checkpoint readers work on files,
 * so a model is copied once into a cache folder ({@code ~/.splitscope/models}, or
 * {@code splitscope.cache} if set) and reused while its size matches.
 */
public final class BundledModels {
    private static final String INDEX = "/models/index.json";

    /**
     * @param file the safetensors file name inside models/
     * @param title what the user sees, e.g. "radix 2 (2s1x16d), Fashion-MNIST"
     */
    public record Entry(String file, String title, boolean isDefault) {}

    private record Index(List<Entry> models) {}

    private BundledModels() {}

    /** The shipped models in display order; empty in a build without them. */
    public static List<Entry> all() throws SplitScopeException {
        try (InputStream in = BundledModels.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            Index index = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), Index.class);
            return index == null || index.models() == null ? List.of() : List.copyOf(index.models());
        } catch (IOException | JsonParseException e) {
            throw new SplitScopeException("the bundled models/index.json is damaged: " + e.getMessage());
        }
    }

    /** The model used when none is named (the GUI opens on it). */
    public static Path defaultModel() throws SplitScopeException {
        Entry entry = all().stream().filter(Entry::isDefault).findFirst()
                .orElseThrow(() -> new SplitScopeException("no bundled default model in this build: pass --model FILE"));
        return file(entry);
    }

    /** The entry's checkpoint as a file on disk. */
    public static Path file(Entry entry) throws SplitScopeException {
        String resource = "/models/" + entry.file();
        try (InputStream in = BundledModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SplitScopeException("bundled model " + entry.file() + " is listed but missing from the build");
            }
            Path dir = Path.of(System.getProperty("splitscope.cache",
                    Path.of(System.getProperty("user.home"), ".splitscope").toString())).resolve("models");
            Path target = dir.resolve(entry.file());
            long size = resourceSize(resource);
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                return target;
            }
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, entry.file(), ".part");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new SplitScopeException("cannot unpack bundled model " + entry.file() + ": " + e.getMessage());
        }
    }

    private static long resourceSize(String resource) throws IOException {
        var url = BundledModels.class.getResource(resource);
        return url == null ? -1 : url.openConnection().getContentLengthLong();
    }
}
