package org.splitscope.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.splitscope.SplitScopeException;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.Printable;

/**
 * huggingface_hub's cache layout, as it documents it for other implementations:
 * {@code models--ORG--NAME/blobs/<sha256>}, {@code snapshots/<commit>/<file>} a relative link to the
 * blob (a copy where links fail), {@code refs/<revision>} holding the commit, and locks under
 * {@code .locks/models--ORG--NAME/<sha256>.lock}. Every path handed out has been checked by
 * {@link #inside} to stay in the cache, links followed.
 */
public record HubCache(Path root) {
    /** A ref holds a 40-hex commit and perhaps a newline; anything longer is not a ref. */
    private static final int MAX_REF = 128;

    /**
     * The one check every path the client writes or opens goes through: {@code path}, normalised and
     * with every symbolic link on the way followed, must lie inside the cache root (itself resolved).
     */
    public Path inside(Path path) throws SplitScopeException, IOException {
        Path rootAbs = root.toAbsolutePath().normalize();
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(rootAbs)) {
            throw outside(path, abs);
        }
        Path rootReal = real(rootAbs, 0);
        Path real = real(abs, 0);
        if (!real.startsWith(rootReal)) {
            throw outside(path, real);
        }
        return abs;
    }

    /** Where {@code p} really is: links followed as far as they exist, the rest appended. */
    private static Path real(Path p, int depth) throws IOException, SplitScopeException {
        if (depth > 40) {
            throw new SplitScopeException(Printable.clean(p.toString()) + ": too many levels of symbolic links");
        }
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        Path rest = existing.relativize(p);
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (NoSuchFileException dangling) {
            // a link to something missing (a snapshot whose blob was deleted): where it points counts
            Path target = existing.getParent() == null ? existing
                    : real(existing.getParent(), depth + 1).resolve(Files.readSymbolicLink(existing)).normalize();
            return real(target, depth + 1).resolve(rest).normalize();
        }
    }

    private SplitScopeException outside(Path path, Path where) {
        return new SplitScopeException(Printable.clean(path.toString()) + " leads outside the hub cache "
                + Printable.clean(root.toString()) + " (to " + Printable.clean(where.toString()) + "); refused");
    }

    public Path repo(String repoId) {
        return root.resolve("models--" + repoId.replace("/", "--"));
    }

    public Path blob(String repoId, String sha256) {
        return repo(repoId).resolve("blobs").resolve(sha256);
    }

    public Path incomplete(String repoId, String sha256) {
        return repo(repoId).resolve("blobs").resolve(sha256 + ".incomplete");
    }

    public Path lock(String repoId, String sha256) {
        return root.resolve(".locks").resolve("models--" + repoId.replace("/", "--")).resolve(sha256 + ".lock");
    }

    public Path snapshot(String repoId, String commit, String file) {
        return repo(repoId).resolve("snapshots").resolve(commit).resolve(file);
    }

    private Path ref(String repoId, String revision) {
        return repo(repoId).resolve("refs").resolve(revision);
    }

    /**
     * The commit a branch or tag points to, as last seen; a 40-hex revision is its own commit. A ref
     * that does not hold a 40-hex commit (an edited file, a path, 3 GB of zeros) is ignored.
     */
    public Optional<String> commit(String repoId, String revision) throws IOException, SplitScopeException {
        if (HubNames.isCommit(revision)) {
            return Optional.of(revision);
        }
        Path ref = ref(repoId, revision);
        inside(ref.getParent());
        if (!Files.isRegularFile(ref)) {
            return Optional.empty();
        }
        try {
            inside(ref);
        } catch (SplitScopeException leadsOut) {
            return Optional.empty(); // a link someone pointed elsewhere: not ours (publishing replaces the link)
        }
        byte[] bytes = SmallFiles.readAtMost(ref, MAX_REF);
        String commit = bytes == null ? "" : new String(bytes, StandardCharsets.US_ASCII).strip();
        return HubNames.isCommit(commit) ? Optional.of(commit) : Optional.empty();
    }

    /** The cached file of that revision, if it is there (and inside the cache). */
    public Optional<Path> find(String repoId, String revision, String file) throws IOException, SplitScopeException {
        Optional<String> commit = commit(repoId, revision);
        if (commit.isEmpty()) {
            return Optional.empty();
        }
        Path p = snapshot(repoId, commit.get(), file);
        try {
            inside(p);
        } catch (SplitScopeException leadsOut) {
            return Optional.empty(); // a link someone pointed elsewhere is not our file (a download replaces it)
        }
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Links {@code snapshots/<commit>/<file>} to the blob and records the ref (branch names only),
     * writing nothing that is already so: a read-only cache that holds everything still opens.
     */
    public Path publish(String repoId, String revision, String commit, String file, String sha256)
            throws IOException, SplitScopeException {
        // The entries themselves may be links someone pointed elsewhere: they are replaced, never
        // followed, so their folders are what must lie inside.
        Path snapshot = snapshot(repoId, commit, file);
        inside(snapshot.getParent());
        Path blob = inside(blob(repoId, sha256));
        if (!linked(snapshot, blob)) {
            createDirectories(snapshot.getParent());
            Files.deleteIfExists(snapshot); // a link is removed, never what it points to
            try {
                Files.createSymbolicLink(snapshot, snapshot.getParent().relativize(blob));
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(blob, snapshot, StandardCopyOption.REPLACE_EXISTING); // file systems without links
            }
        }
        if (!HubNames.isCommit(revision) && !commit(repoId, revision).equals(Optional.of(commit))) {
            Path ref = ref(repoId, revision);
            inside(ref.getParent());
            createDirectories(ref.getParent());
            AtomicFiles.write(ref, out -> out.write(commit.getBytes(StandardCharsets.UTF_8)));
        }
        return inside(snapshot);
    }

    /** The snapshot entry is the blob already: its link, or a copy of the same size where links fail. */
    private static boolean linked(Path snapshot, Path blob) throws IOException {
        if (!Files.exists(snapshot) || !Files.isRegularFile(blob)) {
            return false;
        }
        if (Files.isSymbolicLink(snapshot)) {
            return Files.isSameFile(snapshot, blob);
        }
        return Files.isRegularFile(snapshot, LinkOption.NOFOLLOW_LINKS) && Files.size(snapshot) == Files.size(blob);
    }

    /** Like Files.createDirectories, but touches nothing that exists (read-only caches). */
    static void createDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
    }
}
