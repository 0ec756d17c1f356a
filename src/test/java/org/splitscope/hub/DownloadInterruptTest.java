package org.splitscope.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.bundled.BundledModels;
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

    /** The CLI in a child JVM against the fake hub; stderr read line by line. */
    private static final class Child {
        final Process process;
        final List<String> lines = new ArrayList<>();
        final BufferedReader err;

        Child(Process process) {
            this.process = process;
            this.err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        }

        void awaitReady() throws Exception {
            for (String line; (line = err.readLine()) != null; ) {
                if (line.startsWith("ready: ")) {
                    return;
                }
                lines.add(line);
            }
            throw new AssertionError("the child ended before it was ready (" + process.waitFor() + "): " + lines);
        }

        int status() throws Exception {
            for (String line; (line = err.readLine()) != null; ) {
                lines.add(line);
            }
            return process.waitFor();
        }
    }

    private static Child start(Map<String, String> env, String... args) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Dsplitscope.readiness=true", "-cp",
                System.getProperty("java.class.path"), org.splitscope.Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("HF_") || k.equals("TORCH_HOME"));
        pb.environment().putAll(env);
        return new Child(pb.start());
    }

    private static void signal(Child child, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(child.process.pid())).start().waitFor());
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
            Child child = start(env, "download", REPO);
            child.awaitReady();
            signal(child, name);
            int status = child.status();
            assertEquals(130, status, String.join("\n", child.lines));
            assertTrue(child.lines.stream().anyMatch(l -> l.startsWith("interrupted")), String.join("\n", child.lines));
            assertFalse(child.lines.stream().anyMatch(l -> l.contains("Exception")), String.join("\n", child.lines));
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
            Child resume = start(env, "download", REPO);
            int status = resume.status();
            assertEquals(0, status, String.join("\n", resume.lines));
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
