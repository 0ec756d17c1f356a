package org.splitscope.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Folders for what SplitScope and DJL unpack (bundled models, the PyTorch natives): under the home
 * folder, or — for a user whose home is missing or read-only — the XDG cache folder, then the
 * temporary folder (per user).
 *
 * <p>The temporary folder is shared: another local user could create {@code /tmp/splitscope-USER}
 * first and so choose the native code DJL loads from it. A folder there is created with mode 0700
 * and used only if it belongs to this user, is a real folder (not a link) and nobody else can write
 * to it; otherwise it is refused with {@link UnsafeFolderException}.
 */
public final class UserDirs {
    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private UserDirs() {}

    /** A shared folder that fails the checks above; the message is one line for the user. */
    public static final class UnsafeFolderException extends RuntimeException {
        UnsafeFolderException(String message) {
            super(message);
        }
    }

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

    /**
     * The first candidate that exists as a writable folder or can be made one; the first if none can.
     *
     * @throws UnsafeFolderException where the one usable candidate is a shared-folder one that another
     *     user owns or can write to
     */
    public static Path writable(String dotName) {
        List<Path> all = candidates(dotName);
        for (Path dir : all) {
            try {
                if (isShared(dir)) {
                    return ownPrivateFolder(dir);
                }
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

    /** Whether {@code dir} is made directly in the temporary folder, which every local user can write to. */
    public static boolean isShared(Path dir) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path parent = dir.toAbsolutePath().normalize().getParent();
        return tmp.equals(parent);
    }

    /**
     * {@code dir} (in a shared parent): created with mode 0700 if missing, then checked to belong to
     * this user and to be writable by nobody else.
     *
     * @throws IOException where it cannot be created (the caller tries another place)
     * @throws UnsafeFolderException where it exists but is not safely this user's own
     */
    public static Path ownPrivateFolder(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // someone made it first (an earlier run, or another user): checked below
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir); // not a POSIX file system (Windows): per-user temp folders there
            return dir;
        }
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return dir;
        }
        if (!attributes.isDirectory()) {
            throw new UnsafeFolderException(dir + " is not a folder (a link or file put there by someone?); "
                    + "refusing to use it: remove it, or make the home folder writable");
        }
        UserPrincipal me = currentUser(dir.getParent());
        if (!attributes.owner().equals(me)) {
            throw new UnsafeFolderException(dir + " belongs to " + attributes.owner().getName()
                    + ", not to you; refusing to load code from it: remove it, or make the home folder writable");
        }
        if (attributes.permissions().stream().anyMatch(OTHERS_WRITE::contains)) {
            throw new UnsafeFolderException(dir + " is writable by other users (mode "
                    + PosixFilePermissions.toString(attributes.permissions())
                    + "); refusing to load code from it: chmod 700 it, or remove it");
        }
        return dir;
    }

    /** Who this process runs as: the owner of a file it has just created. */
    private static UserPrincipal currentUser(Path near) throws IOException {
        Path probe = Files.createTempFile(near, ".splitscope-owner", ".tmp");
        try {
            return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
