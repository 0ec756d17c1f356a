package org.splitscope.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.splitscope.io.Sha256;

/**
 * A loopback stand-in for the Hugging Face hub and its CDN, on 127.0.0.1 only: HEAD answers with
 * X-Repo-Commit, X-Linked-Etag and X-Linked-Size and a 302 to the CDN (another port, so another
 * origin); the CDN serves Range requests and can drop the connection or corrupt the body.
 */
public final class FakeHub implements AutoCloseable {
    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    public record Request(String server, String method, String path, String authorization, String range) {}

    final HttpServer hub;
    final HttpServer cdn;
    final Map<String, byte[]> files = new ConcurrentHashMap<>(); // "repo/file" → bytes
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Bytes after which the next CDN responses break off (one per entry), for resume tests. */
    final AtomicInteger dropsLeft = new AtomicInteger();
    volatile boolean corrupt;
    /** While set, CDN responses send half the body and then hang until it is counted down (interrupt tests). */
    volatile java.util.concurrent.CountDownLatch stall;
    volatile String privateRepo = "private/secret";

    public FakeHub() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        hub = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        cdn = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        hub.createContext("/", this::hub);
        cdn.createContext("/", this::cdn);
        hub.start();
        cdn.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + hub.getAddress().getPort();
    }

    public void put(String repo, String file, byte[] bytes) {
        files.put(repo + "/" + file, bytes);
    }

    private void log(String server, HttpExchange e) {
        requests.add(new Request(server, e.getRequestMethod(), e.getRequestURI().getPath(),
                e.getRequestHeaders().getFirst("Authorization"), e.getRequestHeaders().getFirst("Range")));
    }

    /** /{org}/{name}/resolve/{rev}/{file} */
    private void hub(HttpExchange e) throws IOException {
        log("hub", e);
        String[] p = e.getRequestURI().getPath().split("/");
        if (p.length != 6 || !p[3].equals("resolve")) {
            reply(e, 404, null);
            return;
        }
        String repo = p[1] + "/" + p[2];
        if (repo.equals(privateRepo) && e.getRequestHeaders().getFirst("Authorization") == null) {
            reply(e, 401, null);
            return;
        }
        byte[] bytes = files.get(repo + "/" + p[5]);
        if (bytes == null) {
            reply(e, 404, null);
            return;
        }
        String sha = Sha256.of(bytes);
        var h = e.getResponseHeaders();
        h.add("X-Repo-Commit", COMMIT);
        h.add("X-Linked-Etag", "\"" + sha + "\"");
        h.add("X-Linked-Size", Long.toString(bytes.length));
        h.add("Location", "http://127.0.0.1:" + cdn.getAddress().getPort() + "/blobs/" + repo + "/" + p[5]);
        reply(e, 302, null);
    }

    private void cdn(HttpExchange e) throws IOException {
        log("cdn", e);
        String key = e.getRequestURI().getPath().substring("/blobs/".length());
        byte[] bytes = files.get(key);
        if (bytes == null) {
            reply(e, 404, null);
            return;
        }
        if (corrupt) {
            bytes = bytes.clone();
            bytes[bytes.length / 2] ^= 0x55;
        }
        String range = e.getRequestHeaders().getFirst("Range");
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        boolean drop = dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        e.sendResponseHeaders(range == null ? 200 : 206, bytes.length - from);
        try (OutputStream out = e.getResponseBody()) {
            java.util.concurrent.CountDownLatch hold = stall;
            if (hold != null) {
                out.write(bytes, from, (bytes.length - from) / 2);
                out.flush();
                try {
                    hold.await(5, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("stalled on purpose");
            }
            if (drop) {
                out.write(bytes, from, (bytes.length - from) / 2);
                out.flush();
                e.getHttpContext().getServer(); // the connection is cut below, mid-body
                throw new IOException("dropped on purpose");
            }
            out.write(bytes, from, bytes.length - from);
        }
    }

    private static void reply(HttpExchange e, int status, byte[] body) throws IOException {
        e.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            e.getResponseBody().write(body);
        }
        e.close();
    }

    @Override
    public void close() {
        hub.stop(0);
        cdn.stop(0);
    }
}
