package org.splitscope.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server on 127.0.0.1 that answers as each test scripts it: redirects anywhere, lies about sizes,
 * sends forever or stalls, sends headers a hub never would. Plain HTTP, or HTTPS with a self-signed
 * certificate made at test time with the JDK's keytool. Each request is answered on a thread of its
 * own, so a stalled answer holds up nothing else; {@link #close} releases the stalled ones.
 */
final class HostileServer implements AutoCloseable {
    record Request(String method, String path, String authorization, String range) {}

    interface Handler {
        void handle(HttpExchange e) throws Exception;
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    volatile Handler handler = e -> reply(e, 404);

    private HostileServer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", e -> {
            requests.add(new Request(e.getRequestMethod(), e.getRequestURI().getRawPath(),
                    e.getRequestHeaders().getFirst("Authorization"), e.getRequestHeaders().getFirst("Range")));
            try {
                handler.handle(e);
            } catch (Exception | AssertionError ex) {
                // the client hung up (that is often the point); nothing to answer
            } finally {
                e.close();
            }
        });
        server.start();
    }

    static HostileServer http() throws IOException {
        return new HostileServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static HostileServer https(SSLContext tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new HostileServer(s);
    }

    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Blocks an answer until the test is over (a stalled body). */
    void stall() throws InterruptedException {
        closing.await(60, TimeUnit.SECONDS);
    }

    boolean closed() {
        return closing.getCount() == 0;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    static void reply(HttpExchange e, int status) throws IOException {
        e.sendResponseHeaders(status, -1);
    }

    static void body(HttpExchange e, int status, byte[] bytes) throws IOException {
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A self-signed certificate for 127.0.0.1, made with keytool: one TLS context for the server, one trusting it. */
    record Tls(SSLContext server, SSLContext client) {
        static Tls make(Path dir) throws Exception {
            Path store = dir.resolve("hub.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname",
                    "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype",
                    "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return new Tls(server, client);
        }
    }
}
