package org.splitscope.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;

/**
 * HTTP for model files: HEAD without following redirects (the hub answers metadata there), and GET
 * into a file that grows across attempts: a dropped or stalled connection is resumed with
 * {@code Range}, a few times with back-off, within one run. Redirects are followed by hand: only to
 * http(s), and the token never goes to another host, port or scheme. Bodies are bounded: never past
 * the size announced (or {@link #maxBytes} when none is), never more than the disk has free, and a
 * body that sends nothing for the read timeout is given up.
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
    /** huggingface_hub's HF_HUB_ETAG_TIMEOUT and HF_HUB_DOWNLOAD_TIMEOUT: 10 s for connect, HEAD and each read. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** ResNeSt-269's weights are 445 MB; a file beyond this is not a ResNeSt checkpoint. */
    public static final long MAX_BYTES = 8L << 30;

    private final HttpClient http;
    private final long backoffMs;
    private final Duration readTimeout;
    private final long maxBytes;
    /** Retries made so far (after a failed attempt), for tests that check no time is spent waiting. */
    final AtomicInteger retries = new AtomicInteger();

    public Downloader() {
        this(500);
    }

    /** @param backoffMs the first wait before retrying (doubling each time); tests use a few ms */
    public Downloader(long backoffMs) {
        this(backoffMs, TIMEOUT, MAX_BYTES, null);
    }

    /** @param ssl trusted certificates other than the system's (a test's self-signed one), or null */
    Downloader(long backoffMs, Duration readTimeout, long maxBytes, SSLContext ssl) {
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT);
        this.http = (ssl == null ? b : b.sslContext(ssl)).build();
        this.backoffMs = backoffMs;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    public HttpResponse<Void> head(URI url, String token, String what) throws IOException, SplitScopeException {
        HttpRequest.Builder b = request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b, HttpResponse.BodyHandlers.discarding(), what);
    }

    /**
     * Downloads {@code url} into {@code target}, continuing from what the file already holds. When the
     * first attempt cannot connect at all, it fails at once (the cause is thrown) instead of retrying.
     *
     * @param size the expected size, or -1 when unknown
     * @param what names the download in messages ("hf:timm/resnest50d.in1k")
     */
    public void fetch(URI url, String token, Path target, long size, Progress progress, String what)
            throws IOException, SplitScopeException {
        if (size > maxBytes) {
            throw new SplitScopeException(what + ": " + size + " bytes announced, more than the " + mib(maxBytes)
                    + " a checkpoint may have; refused");
        }
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
                if (new Transfer(url, token, target, have, size, progress, what).run()) {
                    return;
                }
            } catch (IOException e) {
                if (attempt == 0 && unreachable(e)) {
                    throw e; // nothing to resume and no server: say so now, as HEAD does for the hub
                }
                last = e;
            }
            if (progress.cancelled()) {
                throw new CancellationException(what + ": download cancelled");
            }
            retries.incrementAndGet();
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

    /** One attempt: the GET, its redirects and the body into {@code target}. */
    private final class Transfer {
        private final URI url;
        private final String token;
        private final Path target;
        private final long have;
        private final long size;
        private final Progress progress;
        private final String what;

        Transfer(URI url, String token, Path target, long have, long size, Progress progress, String what) {
            this.url = url;
            this.token = token;
            this.target = target;
            this.have = have;
            this.size = size;
            this.progress = progress;
            this.what = what;
        }

        /** True when the file is complete. */
        boolean run() throws IOException, SplitScopeException {
            HttpResponse<InputStream> r = follow();
            int status = r.statusCode();
            try (InputStream in = r.body()) {
                if (status == 416) {
                    Files.deleteIfExists(target); // what we have is not a prefix of the file: start again
                    return false;
                }
                requireOk(status, what);
                boolean append = status == 206 && have > 0;
                long start = append ? HubHeaders.rangeStart(r.headers(), what) : -1;
                if (append && start != -1 && start != have) {
                    throw refuse("the server resumed at byte " + start + ", not at " + have + " as asked");
                }
                long done = append ? have : 0;
                long length = HubHeaders.size(r.headers(), "Content-Length", what);
                if (size >= 0 && length >= 0 && done + length != size) {
                    throw refuse("the server sends " + (done + length) + " bytes (Content-Length), the hub said "
                            + size + " (X-Linked-Size)");
                }
                long total = size >= 0 ? size : length >= 0 ? done + length : -1;
                if (total > maxBytes) {
                    throw refuse((done + length) + " bytes announced (Content-Length), more than the " + mib(maxBytes)
                            + " a checkpoint may have");
                }
                long limit = total >= 0 ? total : maxBytes;
                if (total >= 0) { // of a file of unknown size, only its bound is known
                    requireSpace(target.toAbsolutePath().getParent(), total - done, what);
                }
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                        Watchdog dog = new Watchdog(in, readTimeout)) {
                    byte[] buffer = new byte[1 << 16];
                    progress.update(done, total);
                    for (int n; done < limit && (n = dog.read(buffer, (int) Math.min(buffer.length, limit - done))) > 0; ) {
                        if (progress.cancelled()) {
                            throw new CancellationException(what + ": download cancelled");
                        }
                        out.write(buffer, 0, n);
                        done += n;
                        progress.update(done, total);
                    }
                    if (done == limit && dog.read(buffer, 1) > 0) {
                        out.close();
                        throw refuse("the server sent more than the " + limit + " bytes "
                                + (total >= 0 ? "it announced" : "a file of unknown size may have"));
                    }
                }
                return total < 0 || done == total;
            }
        }

        /** GET, following redirects by hand; the token goes along only while the origin stays the same. */
        private HttpResponse<InputStream> follow() throws IOException, SplitScopeException {
            URI at = url;
            boolean authorize = token != null;
            for (int hop = 0; ; hop++) {
                HttpRequest.Builder b = request(at).GET().timeout(TIMEOUT);
                if (authorize) {
                    b.header("Authorization", "Bearer " + token);
                }
                if (have > 0) {
                    b.header("Range", "bytes=" + have + "-");
                }
                HttpResponse<InputStream> r = send(b, HttpResponse.BodyHandlers.ofInputStream(), what);
                if (r.statusCode() / 100 != 3) {
                    return r;
                }
                r.body().close();
                if (hop == MAX_REDIRECTS) {
                    throw new SplitScopeException(what + ": more than " + MAX_REDIRECTS + " redirects");
                }
                URI next = HubHeaders.redirect(at, r.headers(), what);
                authorize = authorize && HubHeaders.keepsAuthorization(at, next); // once dropped, never sent again
                at = next;
            }
        }

        /** A server that broke its word: what arrived so far cannot be trusted, so it goes. */
        private SplitScopeException refuse(String why) throws IOException {
            Files.deleteIfExists(target);
            return new SplitScopeException(what + ": " + why + "; refused, nothing kept");
        }
    }

    private static HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).header("User-Agent", "splitscope").header("Accept-Encoding", "identity");
    }

    private static void requireSpace(Path dir, long bytes, String what) throws IOException, SplitScopeException {
        long free = Files.getFileStore(dir).getUsableSpace();
        if (bytes > free) {
            throw new SplitScopeException(what + ": " + mib(bytes) + " to download, only " + mib(free) + " free in "
                    + Printable.clean(dir.toString()));
        }
    }

    private static String mib(long bytes) {
        return bytes >= (1L << 30) ? String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
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

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, String what)
            throws IOException, SplitScopeException {
        try {
            return http.send(request.build(), body);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the JDK quotes header values in these messages, the token among them: never repeated
            throw new SplitScopeException(what + ": the request could not be made (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** No server answered at all (refused, unknown host, connect timeout): nothing a retry would change soon. */
    static boolean unreachable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** One line for the user: what went wrong, naming the file where there is one. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + Printable.clean(a.getFile());
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String why = f.getReason() != null ? f.getReason() : e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : e instanceof java.nio.file.NotDirectoryException ? "not a folder"
                    : f.getClass().getSimpleName().replaceAll("Exception$", "");
            return Printable.clean(why) + ": " + Printable.clean(f.getFile());
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return "no connection";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + Printable.clean(e.getMessage());
        }
        if (e instanceof HttpTimeoutException) {
            return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : "timed out";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName().replaceAll("Exception$", "") : Printable.clean(m);
    }
}
