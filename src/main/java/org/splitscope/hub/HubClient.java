package org.splitscope.hub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.splitscope.SplitScopeException;

/**
 * Files of a Hugging Face repository, as huggingface_hub fetches them: HEAD for the commit, the
 * SHA-256 and the size; the blob downloaded into {@code blobs/<sha256>.incomplete} (resumed),
 * checked, renamed, and linked from {@code snapshots/<commit>/}; {@code refs/<revision>} updated. One
 * process writes a blob at a time (a file lock), and nothing is fetched that the cache already has.
 */
public final class HubClient {
    /** What timm repositories hold, in the order timm looks for them. */
    public static final List<String> WEIGHT_FILES = List.of("model.safetensors", "pytorch_model.bin");

    private final HubEnvironment env;
    private final HubCache cache;
    private final Downloader downloader;

    public HubClient(HubEnvironment env, Downloader downloader) {
        this.env = env;
        this.cache = new HubCache(env.cache());
        this.downloader = downloader;
    }

    /** The first of {@link #WEIGHT_FILES} the repository has, downloaded unless cached. */
    public Path weights(String repo, String revision, Downloader.Progress progress) throws SplitScopeException {
        SplitScopeException missing = null;
        for (String file : WEIGHT_FILES) {
            try {
                return file(repo, revision, file, progress);
            } catch (NotThere e) {
                missing = missing == null ? e : missing; // the first choice's message says it best
            }
        }
        throw missing;
    }

    /** config.json of the repository if it has one (small; cached like the weights). */
    public Optional<Path> config(String repo, String revision) {
        try {
            return Optional.of(file(repo, revision, "config.json", Downloader.Progress.NONE));
        } catch (SplitScopeException e) {
            return Optional.empty();
        }
    }

    /** A file that the repository (or the cache, offline) does not have. */
    static final class NotThere extends SplitScopeException {
        NotThere(String message) {
            super(message);
        }
    }

    public Path file(String repo, String revision, String file, Downloader.Progress progress) throws SplitScopeException {
        String what = "hf:" + repo + (revision.equals("main") ? "" : "@" + revision) + " " + file;
        try {
            Optional<Path> cached = cache.find(repo, revision, file);
            if (env.offline()) {
                return cached.orElseThrow(() -> new NotThere(what + ": not in the cache (" + cache.repo(repo)
                        + ") and HF_HUB_OFFLINE is set"));
            }
            URI url = URI.create(env.endpoint() + "/" + repo + "/resolve/" + URLEncoder.encode(revision,
                    StandardCharsets.UTF_8) + "/" + file);
            HttpResponse<Void> head;
            try {
                head = downloader.head(url, env.token());
            } catch (IOException e) {
                // No network: what the cache has will do.
                return cached.orElseThrow(() -> new SplitScopeException(what + ": cannot reach " + env.endpoint()
                        + " (" + Downloader.reason(e) + ") and it is not in the cache"));
            }
            int status = head.statusCode();
            if (status == 404) {
                throw new NotThere(what + ": not in the repository (HTTP 404)");
            }
            if (status / 100 != 2 && status / 100 != 3) {
                Downloader.requireOk(status, what);
            }
            String commit = head.headers().firstValue("X-Repo-Commit").orElse(null);
            String etag = head.headers().firstValue("X-Linked-Etag").or(() -> head.headers().firstValue("ETag"))
                    .map(t -> t.replaceFirst("^W/", "").replace("\"", "")).orElse(null);
            long size = head.headers().firstValueAsLong("X-Linked-Size")
                    .orElse(head.headers().firstValueAsLong("Content-Length").orElse(-1));
            if (commit == null || !commit.matches("[0-9a-f]{40}") || etag == null || etag.isBlank()) {
                throw new SplitScopeException(what + ": the server's answer lacks the commit or the file hash "
                        + "(is HF_ENDPOINT a Hugging Face hub?)");
            }
            Path blob = cache.blob(repo, etag);
            if (!(Files.isRegularFile(blob) && (size < 0 || Files.size(blob) == size))) {
                download(url, blob, repo, etag, size, progress, what);
            }
            return cache.publish(repo, revision, commit, file, etag);
        } catch (IOException e) {
            throw new SplitScopeException(what + ": " + Downloader.reason(e) + " (cache " + cache.root() + ")", e);
        }
    }

    private void download(URI url, Path blob, String repo, String etag, long size, Downloader.Progress progress,
            String what) throws IOException, SplitScopeException {
        Path lockFile = cache.lock(repo, etag);
        Files.createDirectories(lockFile.getParent());
        Files.createDirectories(blob.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (Files.isRegularFile(blob) && (size < 0 || Files.size(blob) == size)) {
                return; // another process finished it while we waited
            }
            Path incomplete = cache.incomplete(repo, etag);
            downloader.fetch(url, env.token(), incomplete, size, progress, what);
            if (size >= 0 && Files.size(incomplete) != size) {
                throw new SplitScopeException(what + ": " + Files.size(incomplete) + " bytes arrived, the hub said "
                        + size);
            }
            if (etag.matches("[0-9a-f]{64}")) { // LFS files; a git file's ETag is not a SHA-256
                Downloader.requireSha256(incomplete, etag, "the hub", what);
            }
            Files.move(incomplete, blob, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
