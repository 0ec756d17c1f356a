package org.splitscope.bundled;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.splitscope.SplitScopeException;

/**
 * Files embedded in the jar. Readers work on paths, so a resource is copied once into a cache
 * folder ({@code ~/.splitscope}, or the {@code splitscope.cache} system property) and reused while
 * its size matches.
 */
final class ResourceFiles {
    private ResourceFiles() {}

    /** A JSON index, or null when the build has none. */
    static <T> T json(String resource, Class<T> type) throws SplitScopeException {
        try (InputStream in = ResourceFiles.class.getResourceAsStream(resource)) {
            return in == null ? null : new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), type);
        } catch (IOException | JsonParseException e) {
            throw new SplitScopeException("the bundled " + resource + " is damaged: " + e.getMessage());
        }
    }

    /** @param resource e.g. {@code /models/fmnist-2s1x64d.safetensors} */
    static Path file(String resource) throws SplitScopeException {
        URL url = ResourceFiles.class.getResource(resource);
        if (url == null) {
            throw new SplitScopeException(resource + " is listed but missing from this build");
        }
        SplitScopeException first = null;
        for (Path cache : caches()) {
            try {
                if (org.splitscope.io.UserDirs.isShared(cache)) {
                    org.splitscope.io.UserDirs.ownPrivateFolder(cache); // mode 0700, this user's own, or refused
                }
                return unpack(url, cache.resolve(resource.substring(1)));
            } catch (IOException e) {
                if (first == null) {
                    first = new SplitScopeException("cannot unpack " + resource + " into " + cache + ": " + e.getMessage());
                }
            } catch (org.splitscope.io.UserDirs.UnsafeFolderException e) {
                if (first == null) {
                    first = new SplitScopeException(e.getMessage());
                }
            }
        }
        throw first;
    }

    /**
     * Where bundled files are unpacked, in order: {@code splitscope.cache} if set, else
     * {@code ~/.splitscope}; then, for a home that is missing or read-only, the XDG cache folder
     * and the temporary folder (per user).
     */
    static List<Path> caches() {
        String chosen = System.getProperty("splitscope.cache");
        if (chosen != null && !chosen.isBlank()) {
            return List.of(Path.of(chosen));
        }
        return org.splitscope.io.UserDirs.candidates(".splitscope");
    }

    private static Path unpack(URL url, Path target) throws IOException {
        long size = url.openConnection().getContentLengthLong();
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = url.openStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
