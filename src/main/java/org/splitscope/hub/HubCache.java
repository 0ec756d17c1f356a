package org.splitscope.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.splitscope.io.AtomicFiles;

/**
 * huggingface_hub's cache layout, as it documents it for other implementations:
 * {@code models--ORG--NAME/blobs/<sha256>}, {@code snapshots/<commit>/<file>} a relative link to the
 * blob (a copy where links fail), {@code refs/<revision>} holding the commit, and locks under
 * {@code .locks/models--ORG--NAME/<sha256>.lock}.
 */
public record HubCache(Path root) {

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

    /** The commit a branch or tag points to, as last seen; a 40-hex revision is its own commit. */
    public Optional<String> commit(String repoId, String revision) throws IOException {
        if (revision.matches("[0-9a-f]{40}")) {
            return Optional.of(revision);
        }
        Path ref = repo(repoId).resolve("refs").resolve(revision);
        return Files.isRegularFile(ref) ? Optional.of(Files.readString(ref, StandardCharsets.UTF_8).strip())
                : Optional.empty();
    }

    /** The cached file of that revision, if it is there. */
    public Optional<Path> find(String repoId, String revision, String file) throws IOException {
        Optional<String> commit = commit(repoId, revision);
        if (commit.isEmpty()) {
            return Optional.empty();
        }
        Path p = snapshot(repoId, commit.get(), file);
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    /** Links {@code snapshots/<commit>/<file>} to the blob and records the ref (branch names only). */
    public Path publish(String repoId, String revision, String commit, String file, String sha256) throws IOException {
        Path snapshot = snapshot(repoId, commit, file);
        Files.createDirectories(snapshot.getParent());
        Path blob = blob(repoId, sha256);
        Files.deleteIfExists(snapshot);
        try {
            Files.createSymbolicLink(snapshot, snapshot.getParent().relativize(blob));
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(blob, snapshot, StandardCopyOption.REPLACE_EXISTING); // file systems without links
        }
        if (!revision.matches("[0-9a-f]{40}")) {
            Path ref = repo(repoId).resolve("refs").resolve(revision);
            AtomicFiles.write(ref, out -> out.write(commit.getBytes(StandardCharsets.UTF_8)));
        }
        return snapshot;
    }
}
