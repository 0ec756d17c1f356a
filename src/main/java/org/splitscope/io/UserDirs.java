package org.splitscope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Folders for what SplitScope and DJL unpack (bundled models, the PyTorch natives): under the home
 * folder, or — for a user whose home is missing or read-only — the XDG cache folder, then the
 * temporary folder (per user).
 */
public final class UserDirs {
    private UserDirs() {}

    /** @param dotName e.g. {@code .splitscope}: {@code ~/.splitscope}, {@code $XDG_CACHE_HOME/splitscope}, {@code /tmp/splitscope-USER} */
    public static List<Path> candidates(String dotName) {
        String plain = dotName.startsWith(".") ? dotName.substring(1) : dotName;
        List<Path> out = new ArrayList<>();
        out.add(Path.of(System.getProperty("user.home"), dotName));
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            out.add(Path.of(xdg, plain));
        }
        out.add(Path.of(System.getProperty("java.io.tmpdir"), plain + "-" + System.getProperty("user.name", "user")));
        return out;
    }

    /** The first candidate that exists as a writable folder or can be made one; the first if none can. */
    public static Path writable(String dotName) {
        List<Path> all = candidates(dotName);
        for (Path dir : all) {
            try {
                Files.createDirectories(dir);
                if (Files.isWritable(dir)) {
                    return dir;
                }
            } catch (IOException | SecurityException e) {
                // try the next
            }
        }
        return all.get(0);
    }
}
