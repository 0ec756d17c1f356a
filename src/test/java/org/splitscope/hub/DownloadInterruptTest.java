package org.splitscope.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.bundled.BundledModels;
import org.splitscope.cli.ChildCli;
import org.splitscope.io.Sha256;

/**
 * Ctrl+C (SIGINT) and SIGTERM while {@code download} is receiving bytes from a loopback hub whose CDN
 * sends half the file and then hangs: the signal goes out when the child says "ready: download"
 * (-Dsplitscope.readiness=true), not after a guessed sleep. Nothing may then exist under the blob's
 * final name or as a snapshot link — only huggingface_hub's {@code blobs/<sha256>.incomplete}, which
 * the next run resumes with a Range request to the right SHA-256.
 */
@Timeout(240)
class DownloadInterruptTest {
    private static final String REPO = "splitscope/fmnist";

    @TempDir
    Path temp;

    /** The CLI in a child JVM against the fake hub, with none of the user's hub settings. */
    private static ChildCli.Child start(Map<String, String> env, String... args) throws Exception {
        return ChildCli.of(args).unsetIf(k -> k.startsWith("HF_") || k.equals("TORCH_HOME")).env(env).start();
    }

    /** Every file and link under the repository's cache folder, relative to it. */
    private static List<String> entries(Path repo) throws Exception {
        if (!Files.exists(repo)) {
            return List.of();
        }
        try (var all = Files.walk(repo)) {
            return all.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> repo.relativize(p).toString()).sorted().toList();
        }
    }

    /** Interrupted by {@code signal} mid-body: exit 130, one line, only the .incomplete blob left. */
    private void interruptMidBody(FakeHub hub, Map<String, String> env, Path repo, String sha, String name)
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        hub.stall = release;
        try {
            ChildCli.Child child = start(env, "download", REPO);
            child.awaitReady();
            child.signal(name);
            int status = child.status();
            assertEquals(130, status, child.err());
            assertTrue(child.lines().stream().anyMatch(l -> l.startsWith("interrupted")), child.err());
            assertFalse(child.lines().stream().anyMatch(l -> l.contains("Exception")), child.err());
            // only what huggingface_hub itself keeps for resuming: no blob under its final name, no snapshot
            assertEquals(List.of("blobs/" + sha + ".incomplete"), entries(repo), "after SIG" + name);
            long size = Files.size(repo.resolve("blobs/" + sha + ".incomplete"));
            assertTrue(size > 0 && size < hub.files.get(REPO + "/model.safetensors").length,
                    "a part of the file is kept for resuming: " + size);
        } finally {
            hub.stall = null;
            release.countDown();
        }
    }

    @Test
    void sigintAndSigtermLeaveOnlyTheIncompleteBlobAndTheNextRunResumesIt() throws Exception {
        byte[] model = Files.readAllBytes(BundledModels.defaultModel());
        String sha = Sha256.of(model);
        Path hf = temp.resolve("hf");
        Path repo = hf.resolve("hub/models--splitscope--fmnist");
        try (FakeHub hub = new FakeHub()) {
            hub.put(REPO, "model.safetensors", model);
            Map<String, String> env = Map.of("HF_ENDPOINT", hub.endpoint(), "HF_HOME", hf.toString());

            interruptMidBody(hub, env, repo, sha, "INT");
            long afterInt = Files.size(repo.resolve("blobs/" + sha + ".incomplete"));
            interruptMidBody(hub, env, repo, sha, "TERM"); // the second run resumed, and was stopped again
            assertTrue(Files.size(repo.resolve("blobs/" + sha + ".incomplete")) >= afterInt);

            hub.requests.clear();
            ChildCli.Child resume = start(env, "download", REPO);
            int status = resume.status();
            assertEquals(0, status, resume.err());
            assertTrue(hub.requests.stream().anyMatch(r -> r.server().equals("cdn") && r.range() != null
                    && r.range().startsWith("bytes=") && !r.range().equals("bytes=0-")), "resumed: " + hub.requests);
            Path blob = repo.resolve("blobs/" + sha);
            assertEquals(sha, Sha256.of(Files.readAllBytes(blob)));
            Path link = repo.resolve("snapshots/" + FakeHub.COMMIT + "/model.safetensors");
            assertTrue(Files.isSameFile(link, blob), link + " is the blob");
            assertFalse(Files.exists(repo.resolve("blobs/" + sha + ".incomplete")));
        }
    }
}
