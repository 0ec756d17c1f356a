package org.splitscope.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.hub.HubTests.COMMIT;
import static org.splitscope.hub.HubTests.FILE;
import static org.splitscope.hub.HubTests.fails;

import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache on disk as someone else may have left it: refs holding paths or 3 GB of zeros, links
 * leading out, read-only folders, a token file that is huge or a FIFO, a config.json nested 100,000
 * deep. Nothing outside the cache is opened, nothing is written that is already so, and every
 * refusal is one line.
 */
class HubCacheSafetyTest {
    static final String REPO = "timm/resnest50d.in1k";
    @TempDir
    Path temp;
    FakeHub hub;
    byte[] weights;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
        weights = new byte[70_000];
        new java.util.Random(5).nextBytes(weights);
        hub.put(REPO, FILE, weights);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubEnvironment env(String... extra) {
        return HubTests.env(temp, hub.endpoint(), extra);
    }

    private Path weights(HubEnvironment env) throws Exception {
        return new HubClient(env, new Downloader(1)).weights(REPO, "main", Downloader.Progress.NONE);
    }

    private static void sparse(Path file, long size) throws Exception {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    @Test
    void aRefThatIsNotACommitIsIgnored() throws Exception {
        Path outside = temp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve(FILE), "not the model");
        Path ref = env().cache().resolve("models--timm--resnest50d.in1k/refs/main");
        Files.createDirectories(ref.getParent());
        for (String junk : new String[] {outside.toString(), "../../../outside", COMMIT + "/../../../../outside", ""}) {
            Files.writeString(ref, junk);
            fails(() -> weights(env("HF_HUB_OFFLINE", "1")), "not in the cache");
        }
        sparse(ref, 3L << 30); // 3 GB of nothing: read as far as a ref can go, then ignored
        fails(() -> weights(env("HF_HUB_OFFLINE", "1")), "not in the cache");
        Path got = weights(env()); // online: the hub's commit replaces it
        assertArrayEquals(weights, Files.readAllBytes(got));
        assertEquals(COMMIT, Files.readString(ref));
        assertEquals("not the model", Files.readString(outside.resolve(FILE)));
    }

    @Test
    void aSnapshotLinkLeadingOutsideIsNeitherOpenedNorFollowedWhenReplaced() throws Exception {
        Path secret = temp.resolve("secret.bin");
        Files.writeString(secret, "someone else's file");
        Path repo = env().cache().resolve("models--timm--resnest50d.in1k");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), COMMIT);
        Path snapshot = repo.resolve("snapshots/" + COMMIT + "/" + FILE);
        Files.createDirectories(snapshot.getParent());
        Files.createSymbolicLink(snapshot, secret);
        fails(() -> weights(env("HF_HUB_OFFLINE", "1")), "not in the cache");
        Path got = weights(env());
        assertArrayEquals(weights, Files.readAllBytes(got));
        assertTrue(Files.readSymbolicLink(got).toString().startsWith("../../blobs/"));
        assertEquals("someone else's file", Files.readString(secret));

        HubCache cache = new HubCache(env().cache());
        fails(() -> cache.inside(cache.root().resolve("../x")), "leads outside the hub cache");
        fails(() -> cache.inside(Path.of("/etc/passwd")), "leads outside the hub cache");
        Files.createSymbolicLink(repo.resolve("blobs/escape"), temp);
        fails(() -> cache.inside(repo.resolve("blobs/escape/new.incomplete")), "leads outside the hub cache");
        Files.createSymbolicLink(repo.resolve("blobs/dangling"), temp.resolve("nowhere/x"));
        fails(() -> cache.inside(repo.resolve("blobs/dangling")), "leads outside the hub cache");
        assertEquals(got, cache.inside(got));
    }

    /** Every path under {@code root} with what identifies its content: inode, time, link target. */
    private static Map<String, String> state(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                out.put(root.relativize(p).toString(), a.fileKey() + " " + a.lastModifiedTime() + " " + a.size()
                        + (a.isSymbolicLink() ? " -> " + Files.readSymbolicLink(p) : ""));
            }
        }
        return out;
    }

    private static void permissions(Path root, String dirs, String files) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? dirs : files));
                }
            }
        }
    }

    @Test
    void aReadOnlyCacheThatHasEverythingOpensWithoutWriting() throws Exception {
        HubEnvironment env = env();
        Path first = weights(env);
        Map<String, String> before = state(env.cache());
        permissions(env.cache(), "r-xr-xr-x", "r--r--r--");
        try {
            assertEquals(first, weights(env), "online: HEAD, then the cached blob");
            assertEquals(first, weights(env("HF_HUB_OFFLINE", "1")));
            assertEquals(before, state(env.cache()), "not a link, ref or lock rewritten");
        } finally {
            permissions(env.cache(), "rwxr-xr-x", "rw-r--r--");
        }
    }

    @Test
    void aPermissionProblemSaysPermissionDeniedWithThePath() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        HubEnvironment env = env();
        Files.createDirectories(env.cache());
        permissions(env.cache(), "r-xr-xr-x", "r--r--r--");
        try {
            fails(() -> weights(env), "permission denied: " + env.cache());
        } finally {
            permissions(env.cache(), "rwxr-xr-x", "rw-r--r--");
        }
    }

    @Test
    void permissionDeniedReadsAsSuch() {
        assertEquals("permission denied: /c/hub/.locks", Downloader.reason(
                new java.nio.file.AccessDeniedException("/c/hub/.locks")));
        assertEquals("Read-only file system: /c/x", Downloader.reason(
                new java.nio.file.FileSystemException("/c/x", null, "Read-only file system")));
    }

    @Test
    void hugeOrDeepFilesAreOneLineRefusals() throws Exception {
        Path hfHome = temp.resolve("hf");
        sparse(hfHome.resolve("token"), 3L << 30);
        HubEnvironment env = env("HF_TOKEN", null);
        fails(() -> weights(env), hfHome.resolve("token") + " is larger than 4 KiB; not a token");
        Files.delete(hfHome.resolve("token"));
        new ProcessBuilder("mkfifo", hfHome.resolve("token").toString()).start().waitFor();
        if (Files.exists(hfHome.resolve("token"))) { // a FIFO would block a plain read
            fails(() -> weights(env("HF_TOKEN", null)), "token", "not a regular file");
        }

        Path config = temp.resolve("config.json");
        sparse(config, 3L << 30);
        fails(() -> HubConfig.architecture(config), "larger than 1024 KiB");
        Files.writeString(config, "[".repeat(100_000) + "]".repeat(100_000));
        fails(() -> HubConfig.architecture(config), "nested deeper than 32 levels");
        Files.writeString(config, "{\"architecture\": {\"a\": 1}}");
        fails(() -> HubConfig.architecture(config), "\"architecture\" is not a string");
        Files.writeString(config, "{\"architecture\": \"resnest50d\"} trailing");
        fails(() -> HubConfig.architecture(config), "not valid JSON");
        Files.write(config, new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'});
        fails(() -> HubConfig.architecture(config), "not UTF-8 text");
        Files.writeString(config, "{\"architecture\": \"resnest50d\", \"num_classes\": 1000, \"x\": \"[[[[\"}");
        assertEquals("resnest50d", HubConfig.architecture(config).orElseThrow());
    }

    @Test
    void anOfficialDownloadWithoutAConnectionFailsAtOnce() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        HubEnvironment env = env("SPLITSCOPE_RELEASES_URL", "http://127.0.0.1:" + closed);
        Downloader d = new Downloader(60_000); // a retry would wait a minute; none is made
        fails(() -> new OfficialWeights(env, d).download("resnest50", Downloader.Progress.NONE),
                "official:resnest50: cannot reach http://127.0.0.1:" + closed + " (no connection) and it is not in the "
                        + "cache (" + env.torchCache() + ")");
        assertEquals(0, d.retries.get());
        hub.close();
        Downloader h = new Downloader(60_000);
        fails(() -> new HubClient(env, h).weights(REPO, "main", Downloader.Progress.NONE),
                "hf:timm/resnest50d.in1k model.safetensors: cannot reach " + hub.endpoint() + " (no connection) and it is "
                        + "not in the cache");
        assertEquals(0, h.retries.get());
        assertFalse(Files.exists(env.torchCache().resolve("resnest50-528c19ca.pth.partial")));
    }
}
