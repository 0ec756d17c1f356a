package org.splitscope.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.hub.HubTests.COMMIT;
import static org.splitscope.hub.HubTests.FILE;
import static org.splitscope.hub.HubTests.REPO;
import static org.splitscope.hub.HubTests.fails;
import static org.splitscope.hub.HubTests.metadata;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Sha256;

/**
 * A hub that lies, on 127.0.0.1: hostile ETags and commits, revisions that are paths, sizes that do
 * not hold, bodies that never end or stall, throttling. Each ends in one clean line, or in the cached
 * file, and nothing is written outside the cache or left behind.
 */
class HubHostileAnswerTest {
    @TempDir
    Path temp;
    HostileServer hub;
    final byte[] data = new byte[100_000];
    String sha;

    @BeforeEach
    void start() throws Exception {
        new java.util.Random(7).nextBytes(data);
        sha = Sha256.of(data);
        hub = HostileServer.http();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubEnvironment env(String... extra) {
        return HubTests.env(temp, hub.url(), extra);
    }

    private Path file(Downloader d) throws Exception {
        return new HubClient(env(), d).file(REPO, "main", FILE, Downloader.Progress.NONE);
    }

    /** HEAD answers these headers; GET answers {@code body} with its true Content-Length. */
    private void serve(String commit, String etag, String size, byte[] body) {
        hub.handler = e -> {
            metadata(e, commit, etag, size);
            if (e.getRequestMethod().equals("HEAD")) {
                HostileServer.reply(e, 200);
            } else {
                HostileServer.body(e, 200, body);
            }
        };
    }

    private long gets() {
        return hub.requests.stream().filter(r -> r.method().equals("GET")).count();
    }

    @Test
    void anEtagThatIsNotAHashNeverBecomesAPath() throws Exception {
        Path victim = temp.resolve("thesis.tex");
        Files.writeString(victim, "three years of work");
        for (String etag : List.of(victim.toString(), "../../../thesis.tex", "../blobs/" + sha, "abc", sha.toUpperCase(),
                sha + "/x", sha.substring(0, 50), "")) {
            serve(COMMIT, etag, Integer.toString(data.length), data);
            fails(() -> file(new Downloader(1)), etag.isEmpty() ? "no X-Linked-Etag or ETag" : "X-Linked-Etag");
        }
        hub.handler = e -> { // no X-Linked-Etag: the ETag is checked the same way
            metadata(e, COMMIT, null, Integer.toString(data.length));
            e.getResponseHeaders().add("ETag", "W/\"" + victim + "\"");
            HostileServer.reply(e, 200);
        };
        fails(() -> file(new Downloader(1)), "ETag", "is not a file hash (64 or 40 hex digits); refused");
        assertEquals("three years of work", Files.readString(victim));
        assertFalse(Files.exists(temp.resolve("thesis.tex.lock")));
        assertFalse(Files.exists(temp.resolve("thesis.tex.incomplete")));
        assertEquals(0, gets(), "nothing downloaded for a refused answer");
    }

    @Test
    void aCommitThatIsNotFortyHexIsRefused() throws Exception {
        for (String commit : List.of("../../../x", temp.toString(), COMMIT.toUpperCase(), COMMIT + "0", "main")) {
            serve(commit, sha, Integer.toString(data.length), data);
            fails(() -> file(new Downloader(1)), "X-Repo-Commit", "is not a 40-hex commit");
        }
        serve(null, sha, Integer.toString(data.length), data);
        fails(() -> file(new Downloader(1)), "no X-Repo-Commit");
        assertFalse(Files.exists(env().cache().resolve("models--org--repo/snapshots")));
    }

    @Test
    void aRevisionThatIsAPathIsRefusedBeforeAnythingIsAsked() throws Exception {
        serve(COMMIT, sha, Integer.toString(data.length), data);
        Path victim = temp.resolve("thesis.tex");
        Files.writeString(victim, "three years of work");
        for (String rev : List.of(victim.toString(), "../x", "refs/../../x", "..", ".hidden", "a//b", "a/", "x.lock",
                "a b", "main\n", "a\\b", "x".repeat(300), "")) {
            fails(() -> Pretrained.resolve("hf:" + REPO + "@" + rev, env(), new Downloader(1), Downloader.Progress.NONE),
                    "is not a branch, tag or 40-hex commit");
            fails(() -> new HubClient(env(), new Downloader(1)).file(REPO, rev, FILE, Downloader.Progress.NONE),
                    "is not a branch, tag or 40-hex commit");
        }
        fails(() -> Pretrained.resolve("hf:" + victim, env(), new Downloader(1), Downloader.Progress.NONE),
                "not a repository id");
        assertEquals("three years of work", Files.readString(victim));
        assertEquals(List.of(), hub.requests);
        for (String ok : List.of("main", "v1.0", "refs/pr/1", COMMIT, "release_2024-01")) {
            assertTrue(HubNames.isRevision(ok), ok);
        }
        Path got = new HubClient(env(), new Downloader(1)).file(REPO, "refs/pr/1", FILE, Downloader.Progress.NONE);
        assertArrayEquals(data, Files.readAllBytes(got));
        assertEquals(COMMIT, Files.readString(env().cache().resolve("models--org--repo/refs/refs/pr/1")),
                "huggingface_hub's layout for a PR ref");
        assertTrue(hub.requests.get(0).path().endsWith("/resolve/refs%2Fpr%2F1/" + FILE), hub.requests.get(0).path());
    }

    @Test
    void sizesThatLieAreRefusedAndNothingIsKept() throws Exception {
        Path blobs = env().cache().resolve("models--org--repo/blobs");
        serve(COMMIT, sha, "1000", data); // the hub says 1,000 bytes, the body has 100,000
        fails(() -> file(new Downloader(1)), "the server sends 100000 bytes (Content-Length), the hub said 1000 "
                + "(X-Linked-Size); refused, nothing kept");
        serve(COMMIT, sha, "200000", data);
        fails(() -> file(new Downloader(1)), "the hub said 200000 (X-Linked-Size)");
        for (String bad : List.of("abc", "-5", "1e3", "0x10", "99999999999999999999")) {
            serve(COMMIT, sha, bad, data);
            fails(() -> file(new Downloader(1)), "X-Linked-Size \"" + bad + "\" is not a size in bytes");
        }
        serve(COMMIT, sha, "999999999999999999", data);
        fails(() -> file(new Downloader(1)), "more than the 8.0 GiB a checkpoint may have; refused");
        hub.handler = e -> {
            metadata(e, COMMIT, sha, null);
            e.getResponseHeaders().add("X-Linked-Size", "10");
            e.getResponseHeaders().add("X-Linked-Size", "100000");
            HostileServer.reply(e, 200);
        };
        fails(() -> file(new Downloader(1)), "2 different X-Linked-Size headers");
        try (var left = Files.list(blobs)) {
            assertEquals(List.of(), left.toList(), "no blob, no .incomplete");
        }
    }

    @Test
    void aBodyThatRunsOnStopsAtTheAnnouncedSize() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        hub.handler = e -> {
            metadata(e, COMMIT, sha, e.getRequestURI().getPath().contains("unsized") ? null : "1000");
            if (e.getRequestMethod().equals("HEAD")) {
                HostileServer.reply(e, 200);
                return;
            }
            e.sendResponseHeaders(200, 0); // chunked, no length: and it never ends
            try (OutputStream out = e.getResponseBody()) {
                byte[] chunk = new byte[1 << 16];
                while (!hub.closed()) {
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            }
        };
        fails(() -> file(new Downloader(1)), "the server sent more than the 1000 bytes it announced; refused, nothing kept");
        Path blobs = env().cache().resolve("models--org--repo/blobs");
        try (var left = Files.list(blobs)) {
            assertEquals(List.of(), left.toList());
        }
        // no size at all: the limit for a file of unknown size holds (1 MiB here, 8 GiB in use)
        Downloader small = new Downloader(1, Downloader.TIMEOUT, 1 << 20, null);
        fails(() -> new HubClient(env(), small).file("org/unsized", "main", FILE, Downloader.Progress.NONE),
                "the server sent more than the 1048576 bytes a file of unknown size may have");
        HubEnvironment official = HubTests.env(temp, hub.url(), "SPLITSCOPE_RELEASES_URL", hub.url() + "/unsized");
        fails(() -> new OfficialWeights(official, small).download("resnest50", Downloader.Progress.NONE),
                "official:resnest50: the server sent more than the 1048576 bytes");
        try (var left = Files.list(official.torchCache())) {
            assertEquals(List.of(), left.toList(), "no .partial left");
        }
    }

    @Test
    void aStalledBodyTimesOutAndIsResumed() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        boolean[] always = {false};
        hub.handler = e -> {
            metadata(e, COMMIT, sha, Integer.toString(data.length));
            if (e.getRequestMethod().equals("HEAD")) {
                HostileServer.reply(e, 200);
                return;
            }
            String range = e.getRequestHeaders().getFirst("Range");
            int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
            if (from > 0) {
                e.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
            }
            e.sendResponseHeaders(from > 0 ? 206 : 200, data.length - from);
            OutputStream out = e.getResponseBody();
            if (gets.getAndIncrement() == 0 || always[0]) {
                out.write(data, from, 10_000);
                out.flush();
                hub.stall(); // and then nothing
                return;
            }
            out.write(data, from, data.length - from);
            out.close();
        };
        Downloader quick = new Downloader(1, Duration.ofMillis(300), Downloader.MAX_BYTES, null);
        Path got = file(quick);
        assertArrayEquals(data, Files.readAllBytes(got), "resumed after the stall");
        assertEquals("bytes=10000-", hub.requests.stream().filter(r -> r.method().equals("GET")).toList().get(1).range());

        always[0] = true;
        fails(() -> new HubClient(env(), quick).file("org/other", "main", FILE, Downloader.Progress.NONE),
                "the download failed 4 times (the server sent nothing for 300 ms (read timeout)); run again to resume");
    }

    @Test
    void throttledOrFailingHubServesTheCachedFile() throws Exception {
        serve(COMMIT, sha, Integer.toString(data.length), data);
        Path first = file(new Downloader(1));
        for (int status : new int[] {429, 500, 502, 503, 401}) {
            hub.handler = e -> HostileServer.reply(e, status);
            assertEquals(first, file(new Downloader(1)), "HTTP " + status);
        }
        hub.handler = e -> HostileServer.reply(e, 503);
        fails(() -> new HubClient(env(), new Downloader(1)).file("org/uncached", "main", FILE, Downloader.Progress.NONE),
                "hf:org/uncached model.safetensors: the server answered HTTP 503");
        hub.handler = e -> HostileServer.reply(e, 404);
        fails(() -> file(new Downloader(1)), "not in the repository (HTTP 404)"); // the hub says it is gone: believed
    }
}
