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
import org.splitscope.io.Printable;

/**
 * Files of a Hugging Face repository, as huggingface_hub fetches them: HEAD for the commit, the
 * SHA-256 and the size; the blob downloaded into {@code blobs/<sha256>.incomplete} (resumed),
 * checked, renamed, and linked from {@code snapshots/<commit>/}; {@code refs/<revision>} updated. One
 * process writes a blob at a time (a file lock), and nothing is fetched that the cache already has.
 * When the hub cannot be reached, or answers 429, 5xx or another error but 404, a cached file is
 * used. Names from the user and the server are checked ({@link HubNames}, {@link HubHeaders}) before
 * they become paths, and every path goes through {@link HubCache#inside}.
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

    /**
     * config.json of the repository if it has one (small; cached like the weights). Absent, or not
     * to be had (no network and not cached), is empty; a hostile or broken answer is an error.
     */
    public Optional<Path> config(String repo, String revision) throws SplitScopeException {
        try {
            return Optional.of(file(repo, revision, "config.json", Downloader.Progress.NONE));
        } catch (NotThere | Unreachable e) {
            return Optional.empty();
        }
    }

    /** A file that the repository (or the cache, offline) does not have. */
    static final class NotThere extends SplitScopeException {
        NotThere(String message) {
            super(message);
        }
    }

    /** No answer from the hub, and the cache does not have the file. */
    static final class Unreachable extends SplitScopeException {
        Unreachable(String message) {
            super(message);
        }
    }

    public Path file(String repo, String revision, String file, Downloader.Progress progress) throws SplitScopeException {
        if (!HubNames.isRepo(repo)) {
            throw new SplitScopeException("hf:" + HubNames.shown(repo) + ": not a repository id like timm/resnest50d.in1k");
        }
        String what = "hf:" + repo + (revision.equals("main") ? "" : "@" + Printable.clean(revision)) + " "
                + Printable.clean(file);
        HubNames.requireRevision(revision, "hf:" + repo);
        if (!HubNames.isFile(file)) {
            throw new SplitScopeException(what + ": not a file name in a repository");
        }
        String token = env.token();
        try {
            return fetch(repo, revision, file, progress, what);
        } catch (SplitScopeException e) {
            if (token != null && e.getMessage() != null && e.getMessage().contains(token)) {
                // nothing here prints it, but whatever a library put in a message stays out of sight
                throw new SplitScopeException(e.getMessage().replace(token, "hf_…"));
            }
            throw e;
        }
    }

    private Path fetch(String repo, String revision, String file, Downloader.Progress progress, String what)
            throws SplitScopeException {
        try {
            Optional<Path> cached = cache.find(repo, revision, file);
            if (env.offline()) {
                return cached.orElseThrow(() -> new NotThere(what + ": not in the cache ("
                        + Printable.clean(cache.repo(repo).toString()) + ") and HF_HUB_OFFLINE is set"));
            }
            URI url = URI.create(env.endpointUri() + "/" + repo + "/resolve/"
                    + URLEncoder.encode(revision, StandardCharsets.UTF_8) + "/" + file);
            String token = env.requireToken();
            HttpResponse<Void> head;
            try {
                head = downloader.head(url, token, what);
            } catch (IOException e) {
                // No network: what the cache has will do.
                return cached.orElseThrow(() -> new Unreachable(what + ": cannot reach " + env.endpoint() + " ("
                        + Downloader.reason(e) + ") and it is not in the cache"));
            }
            int status = head.statusCode();
            if (status == 404) {
                throw new NotThere(what + ": not in the repository (HTTP 404)");
            }
            if (status / 100 != 2 && status / 100 != 3) {
                if (cached.isPresent()) {
                    return cached.get(); // 429, 5xx, …: as huggingface_hub, the cached file answers
                }
                Downloader.requireOk(status, what);
            }
            HubHeaders.Metadata m = HubHeaders.metadata(head.headers(), what);
            Path blob = cache.inside(cache.blob(repo, m.etag()));
            if (!complete(blob, m.size())) {
                download(url, token, blob, repo, m, progress, what);
            }
            return cache.publish(repo, revision, m.commit(), file, m.etag());
        } catch (IOException e) {
            throw new SplitScopeException(what + ": " + Downloader.reason(e) + " (cache "
                    + Printable.clean(cache.root().toString()) + ")", e);
        }
    }

    private static boolean complete(Path blob, long size) throws IOException {
        return Files.isRegularFile(blob) && (size < 0 || Files.size(blob) == size);
    }

    private void download(URI url, String token, Path blob, String repo, HubHeaders.Metadata m,
            Downloader.Progress progress, String what) throws IOException, SplitScopeException {
        Path lockFile = cache.inside(cache.lock(repo, m.etag()));
        Path incomplete = cache.inside(cache.incomplete(repo, m.etag()));
        HubCache.createDirectories(lockFile.getParent());
        HubCache.createDirectories(blob.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (complete(blob, m.size())) {
                return; // another process finished it while we waited
            }
            downloader.fetch(url, token, incomplete, m.size(), progress, what);
            if (m.size() >= 0 && Files.size(incomplete) != m.size()) {
                throw new SplitScopeException(what + ": " + Files.size(incomplete) + " bytes arrived, the hub said "
                        + m.size());
            }
            if (m.etag().length() == 64) { // LFS files; a git file's ETag is not a SHA-256
                Downloader.requireSha256(incomplete, m.etag(), "the hub", what);
            }
            Files.move(incomplete, blob, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
