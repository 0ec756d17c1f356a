package org.splitscope.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.splitscope.SplitScopeException;

/**
 * HTTP for model files: HEAD without following redirects (the hub answers metadata there), and GET
 * into a file that grows across attempts: a dropped connection is resumed with {@code Range}, a few
 * times with back-off, within one run. Redirects are followed by hand so the token never goes to
 * another host (the hub's CDN).
 */
public final class Downloader {
    /** How a download reports and is stopped. */
    public interface Progress {
        Progress NONE = (done, total) -> {};

        /** @param total -1 when unknown */
        void update(long done, long total);

        default boolean cancelled() {
            return false;
        }
    }

    static final int ATTEMPTS = 4;
    private static final int MAX_REDIRECTS = 8;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(15)).build();
    private final long backoffMs;

    public Downloader() {
        this(500);
    }

    /** @param backoffMs the first wait before retrying (doubling each time); tests use a few ms */
    public Downloader(long backoffMs) {
        this.backoffMs = backoffMs;
    }

    public HttpResponse<Void> head(URI url, String token) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept-Encoding", "identity").header("User-Agent", "splitscope")
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Downloads {@code url} into {@code target}, continuing from what the file already holds.
     *
     * @param size the expected size, or -1 when unknown
     * @param what names the download in messages ("hf:timm/resnest50d.in1k")
     */
    public void fetch(URI url, String token, Path target, long size, Progress progress, String what)
            throws IOException, SplitScopeException {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long have = Files.exists(target) ? Files.size(target) : 0;
            if (size >= 0 && have == size) {
                return;
            }
            if (size >= 0 && have > size) {
                Files.delete(target);
                have = 0;
            }
            try {
                if (get(url, token, target, have, size, progress, what)) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            if (progress.cancelled()) {
                throw new CancellationException(what + ": download cancelled");
            }
            try {
                Thread.sleep(backoffMs << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException(what + ": download interrupted");
            }
        }
        throw new SplitScopeException(what + ": the download failed " + ATTEMPTS + " times ("
                + (last == null ? "the connection ended early" : reason(last)) + "); run again to resume");
    }

    /** One attempt; true when the file is complete. */
    private boolean get(URI url, String token, Path target, long have, long size, Progress progress, String what)
            throws IOException, SplitScopeException {
        URI at = url;
        HttpResponse<InputStream> r = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(at).GET().header("User-Agent", "splitscope")
                    .header("Accept-Encoding", "identity").timeout(Duration.ofMinutes(10));
            if (token != null && Objects.equals(at.getHost(), url.getHost()) && at.getPort() == url.getPort()) {
                b.header("Authorization", "Bearer " + token);
            }
            if (have > 0) {
                b.header("Range", "bytes=" + have + "-");
            }
            r = send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() / 100 != 3) {
                break;
            }
            String location = r.headers().firstValue("Location").orElse(null);
            r.body().close();
            if (location == null) {
                throw new SplitScopeException(what + ": redirect without a Location (HTTP " + r.statusCode() + ")");
            }
            at = at.resolve(location);
        }
        int status = r.statusCode();
        try (InputStream in = r.body()) {
            if (status == 416) {
                Files.deleteIfExists(target); // what we have is not a prefix of the file: start again
                return false;
            }
            requireOk(status, what);
            boolean append = status == 206;
            long done = append ? have : 0;
            long total = size >= 0 ? size : r.headers().firstValueAsLong("Content-Length").orElse(-1) + done;
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[1 << 16];
                progress.update(done, total);
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (progress.cancelled()) {
                        throw new CancellationException(what + ": download cancelled");
                    }
                    out.write(buffer, 0, n);
                    done += n;
                    progress.update(done, total);
                }
            }
            return size < 0 || done == size;
        }
    }

    /**
     * Checks a finished download against the SHA-256 its source gave (all of it, or the leading hex
     * digits a release file name carries); a mismatch deletes the file and says both hashes.
     *
     * @param source who gave the hash, for the message ("the hub")
     */
    static void requireSha256(Path file, String expected, String source, String what)
            throws IOException, SplitScopeException {
        String got = org.splitscope.io.Sha256.of(file);
        if (!got.startsWith(expected)) {
            Files.delete(file);
            throw new SplitScopeException(what + ": SHA-256 mismatch: " + source + " says " + expected
                    + (expected.length() < got.length() ? "…" : "") + ", the download is " + got + " (deleted; run again)");
        }
    }

    static void requireOk(int status, String what) throws SplitScopeException {
        if (status == 401 || status == 403) {
            throw new SplitScopeException(what + ": not allowed (HTTP " + status + "); a gated or private repository "
                    + "needs HF_TOKEN");
        }
        if (status == 404) {
            throw new SplitScopeException(what + ": not found (HTTP 404)");
        }
        if (status / 100 != 2) {
            throw new SplitScopeException(what + ": the server answered HTTP " + status);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "no connection";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName().replaceAll("Exception$", "") : m;
    }
}
