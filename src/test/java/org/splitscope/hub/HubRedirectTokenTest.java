package org.splitscope.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.hub.HubTests.COMMIT;
import static org.splitscope.hub.HubTests.FILE;
import static org.splitscope.hub.HubTests.REPO;
import static org.splitscope.hub.HubTests.TOKEN;
import static org.splitscope.hub.HubTests.fails;
import static org.splitscope.hub.HubTests.metadata;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Sha256;

/**
 * Where the token goes and where redirects lead, against servers on 127.0.0.1: the token only ever
 * to the origin it was meant for (not after https → http, another port or host, not even back to the
 * hub after a detour), only http(s) redirects, HF_ENDPOINT checked, token files trimmed or refused,
 * and the token in no message.
 */
class HubRedirectTokenTest {
    @TempDir
    Path temp;
    HostileServer hub;
    HostileServer cdn;
    final byte[] data = new byte[50_000];
    String sha;

    @BeforeEach
    void start() throws Exception {
        new java.util.Random(11).nextBytes(data);
        sha = Sha256.of(data);
        hub = HostileServer.http();
        cdn = HostileServer.http();
        cdn.handler = e -> HostileServer.body(e, 200, data);
    }

    @AfterEach
    void stop() {
        hub.close();
        cdn.close();
    }

    /** The hub answers HEAD with metadata and GET with a redirect to {@code location}. */
    private static HostileServer.Handler redirecting(String sha, int size, String location) {
        return e -> {
            metadata(e, COMMIT, sha, Integer.toString(size));
            e.getResponseHeaders().add("Location", location);
            HostileServer.reply(e, e.getRequestMethod().equals("HEAD") ? 200 : 302);
        };
    }

    @Test
    void anHttpsHubRedirectingToHttpGetsTheTokenTheHttpServerDoesNot() throws Exception {
        HostileServer.Tls tls = HostileServer.Tls.make(temp);
        try (HostileServer secure = HostileServer.https(tls.server())) {
            secure.handler = redirecting(sha, data.length, cdn.url() + "/blob");
            Downloader d = new Downloader(1, Downloader.TIMEOUT, Downloader.MAX_BYTES, tls.client());
            Path got = new HubClient(HubTests.env(temp, secure.url()), d).file(REPO, "main", FILE,
                    Downloader.Progress.NONE);
            assertArrayEquals(data, Files.readAllBytes(got));
            assertEquals(2, secure.requests.size());
            assertTrue(secure.requests.stream().allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization())));
            assertEquals(1, cdn.requests.size());
            assertNull(cdn.requests.get(0).authorization(), "https → http: the token is dropped");
        }
    }

    @Test
    void afterADetourTheTokenIsNotSentEvenBackToTheHub() throws Exception {
        hub.handler = e -> {
            if (e.getRequestURI().getPath().equals("/final")) {
                HostileServer.body(e, 200, data);
                return;
            }
            redirecting(sha, data.length, cdn.url() + "/detour").handle(e);
        };
        cdn.handler = e -> {
            e.getResponseHeaders().add("Location", hub.url() + "/final");
            HostileServer.reply(e, 307);
        };
        Path got = new HubClient(HubTests.env(temp, hub.url()), new Downloader(1)).file(REPO, "main", FILE,
                Downloader.Progress.NONE);
        assertArrayEquals(data, Files.readAllBytes(got));
        var fin = hub.requests.stream().filter(r -> r.path().equals("/final")).toList();
        assertEquals(1, fin.size());
        assertNull(fin.get(0).authorization());
        assertNull(cdn.requests.get(0).authorization());
    }

    @Test
    void theTokenRuleIsRequests() {
        URI hubUri = URI.create("https://huggingface.co/a");
        assertTrue(HubHeaders.keepsAuthorization(hubUri, URI.create("https://huggingface.co:443/b")));
        assertTrue(HubHeaders.keepsAuthorization(URI.create("http://h/a"), URI.create("https://h/b")),
                "http → https on the same host with default ports keeps it, as requests does");
        assertFalse(HubHeaders.keepsAuthorization(hubUri, URI.create("http://huggingface.co/b")), "scheme");
        assertFalse(HubHeaders.keepsAuthorization(hubUri, URI.create("http://huggingface.co:443/b")), "scheme, same port");
        assertFalse(HubHeaders.keepsAuthorization(hubUri, URI.create("https://huggingface.co:8443/b")), "port");
        assertFalse(HubHeaders.keepsAuthorization(hubUri, URI.create("https://cdn-lfs.huggingface.co/b")), "host");
        assertFalse(HubHeaders.keepsAuthorization(URI.create("http://h:8080/a"), URI.create("https://h:8443/b")));
    }

    @Test
    void onlyHttpRedirectsAreFollowed() throws Exception {
        HubEnvironment env = HubTests.env(temp, hub.url());
        for (String location : List.of("file:///etc/passwd", "jar:file:/x.jar!/a", "ftp://127.0.0.1/x",
                "http://user:pw@127.0.0.1/x", "http:///nohost")) {
            hub.handler = redirecting(sha, data.length, location);
            fails(() -> new HubClient(env, new Downloader(1)).file(REPO, "main", FILE, Downloader.Progress.NONE),
                    "the server's Location", "is not an http(s) URL with a host; only those are followed");
        }
        hub.handler = redirecting(sha, data.length, "http://[::1");
        fails(() -> new HubClient(env, new Downloader(1)).file(REPO, "main", FILE, Downloader.Progress.NONE),
                "the server's Location \"http://[::1\" is not a URL");
        hub.handler = e -> {
            metadata(e, COMMIT, sha, Integer.toString(data.length));
            e.getResponseHeaders().add("Location", "/loop");
            HostileServer.reply(e, e.getRequestMethod().equals("HEAD") ? 200 : 302);
        };
        fails(() -> new HubClient(env, new Downloader(1)).file(REPO, "main", FILE, Downloader.Progress.NONE),
                "more than 8 redirects");
        assertFalse(Files.exists(env.cache().resolve("models--org--repo/snapshots")));
    }

    @Test
    void aMalformedEndpointIsOneLineNamingTheVariable() {
        for (String endpoint : List.of("not a url", "file:///etc", "huggingface.co", "http://", "https://h/x?q=1",
                "ftp://h", "http://user:pw@127.0.0.1:1")) {
            HubEnvironment env = HubTests.env(temp, endpoint);
            var e = fails(() -> new HubClient(env, new Downloader(1)).file(REPO, "main", FILE, Downloader.Progress.NONE),
                    "HF_ENDPOINT", "is not an http(s) URL");
            assertFalse(e.getMessage().contains("pw"), "no password repeated: " + e.getMessage());
        }
        HubEnvironment releases = HubTests.env(temp, hub.url(), "SPLITSCOPE_RELEASES_URL", "file:///srv/weights");
        fails(() -> new OfficialWeights(releases, new Downloader(1)).download("resnest50", Downloader.Progress.NONE),
                "SPLITSCOPE_RELEASES_URL \"file:///srv/weights\" is not an http(s) URL");
    }

    @Test
    void tokensAreTrimmedOrRefusedAndNeverPrinted() throws Exception {
        hub.handler = redirecting(sha, data.length, cdn.url() + "/blob");
        Path hfHome = temp.resolve("hf");
        Files.createDirectories(hfHome);
        // a trailing newline (echo, an editor) is trimmed, from the variable or the file
        HubEnvironment env = HubTests.env(temp, hub.url(), "HF_TOKEN", TOKEN + "\n");
        new HubClient(env, new Downloader(1)).file(REPO, "main", FILE, Downloader.Progress.NONE);
        Files.writeString(hfHome.resolve("token"), "  " + TOKEN + "\r\n");
        HubEnvironment fromFile = HubTests.env(temp, hub.url(), "HF_TOKEN", null);
        assertEquals(TOKEN, fromFile.token());
        new HubClient(fromFile, new Downloader(1)).file("org/two", "main", FILE, Downloader.Progress.NONE);
        assertTrue(hub.requests.stream().allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization())), hub.requests.toString());
        int asked = hub.requests.size();

        // two lines, a header smuggled in, spaces: refused before anything is sent, and not quoted
        Files.writeString(hfHome.resolve("token"), TOKEN + "\nhf_other\n");
        fails(() -> new HubClient(HubTests.env(temp, hub.url(), "HF_TOKEN", null), new Downloader(1)).file(REPO, "main",
                FILE, Downloader.Progress.NONE), hfHome.resolve("token") + " holds more than one line");
        fails(() -> new HubClient(HubTests.env(temp, hub.url(), "HF_TOKEN", TOKEN + "\r\nX-Evil: 1"),
                new Downloader(1)).file(REPO, "main", FILE, Downloader.Progress.NONE), "HF_TOKEN holds more than one line");
        fails(() -> new HubClient(HubTests.env(temp, hub.url(), "HF_TOKEN", TOKEN + " x\u001b[2J"),
                new Downloader(1)).file(REPO, "main", FILE, Downloader.Progress.NONE),
                "HF_TOKEN holds spaces or characters a token does not have");
        assertEquals(asked, hub.requests.size(), "nothing sent with a refused token");

        // the token in no message, whatever fails: 401, 404, a hostile header, no connection
        HubEnvironment good = HubTests.env(temp, hub.url(), "HF_TOKEN", TOKEN);
        for (int status : new int[] {401, 403, 404, 500}) {
            hub.handler = e -> HostileServer.reply(e, status);
            fails(() -> new HubClient(good, new Downloader(1)).file("org/new", "main", FILE, Downloader.Progress.NONE));
        }
        hub.handler = redirecting(TOKEN, data.length, cdn.url() + "/blob"); // a server echoing the token as the hash
        fails(() -> new HubClient(good, new Downloader(1)).file("org/new", "main", FILE, Downloader.Progress.NONE),
                "X-Linked-Etag \"hf_…\"");
        hub.close();
        fails(() -> new HubClient(good, new Downloader(1, Duration.ofSeconds(1), 1 << 20, null)).file("org/new", "main",
                FILE, Downloader.Progress.NONE), "cannot reach");
    }
}
