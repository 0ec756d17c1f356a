package org.splitscope.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.bundled.BundledModels;
import org.splitscope.cli.ChildCli;
import org.splitscope.cli.CliRunner.Run;

/** {@code --model hf:…} and {@code download} as a user runs them, in a child JVM with its own environment. */
class HubCliTest {
    @TempDir
    Path temp;

    /** stdout and stderr together, with none of the user's hub settings. */
    private static Run run(Map<String, String> env, String... args) throws Exception {
        return ChildCli.of(args).unsetIf(k -> k.startsWith("HF_") || k.equals("TORCH_HOME")).env(env).runMerged();
    }

    @Test
    void aModelByItsRepositoryIdOpensOnceDownloadedAndOfflineAfterwards() throws Exception {
        byte[] model = Files.readAllBytes(BundledModels.defaultModel());
        Map<String, String> env;
        try (FakeHub hub = new FakeHub()) {
            hub.put("splitscope/fmnist", "model.safetensors", model);
            env = Map.of("HF_ENDPOINT", hub.endpoint(), "HF_HOME", temp.resolve("hf").toString());
            Run info = run(env, "info", "--model", "hf:splitscope/fmnist");
            assertEquals(0, info.status(), info.out());
            assertTrue(info.out().contains("2s1x64d"), info.out());
            assertTrue(info.out().contains("models--splitscope--fmnist/snapshots/" + FakeHub.COMMIT), info.out());

            Run download = run(env, "download", "splitscope/fmnist");
            assertEquals(0, download.status(), download.out());
            assertTrue(download.out().contains("architecture from the weights"), download.out());
            assertFalse(download.out().contains("MB/s"), "no progress bar when stderr is not a terminal");

            hub.corrupt = true;
            hub.put("splitscope/broken", "model.safetensors", model);
            Run broken = run(env, "download", "splitscope/broken");
            assertEquals(2, broken.status(), broken.out());
            String error = broken.out().lines().filter(l -> l.startsWith("error:")).findFirst().orElse(broken.out());
            assertTrue(error.contains("hf:splitscope/broken model.safetensors: SHA-256 mismatch: the hub says "
                    + org.splitscope.io.Sha256.of(model) + ", the download is "), error);
            assertFalse(Files.exists(temp.resolve("hf/hub/models--splitscope--broken/snapshots")));
        }
        // the hub is gone: the cached model still opens, offline or not
        Run offline = run(Map.of("HF_ENDPOINT", "http://127.0.0.1:9", "HF_HOME", temp.resolve("hf").toString(),
                "HF_HUB_OFFLINE", "1"), "info", "--model", "hf:splitscope/fmnist");
        assertEquals(0, offline.status(), offline.out());
        Run missing = run(Map.of("HF_HOME", temp.resolve("hf").toString(), "HF_HUB_OFFLINE", "1"), "info", "--model",
                "hf:timm/resnest50d.in1k");
        assertEquals(2, missing.status());
        assertTrue(missing.out().contains("error: hf:timm/resnest50d.in1k model.safetensors: not in the cache"),
                missing.out());
        Run list = run(Map.of("HF_HOME", temp.resolve("hf").toString()), "download", "--list");
        assertEquals(0, list.status(), list.out());
        assertTrue(list.out().contains("hf:timm/resnest50d_4s2x40d.in1k") && list.out().contains("official:resnest269"),
                list.out());
    }

    /** The one {@code error:} line of a run that must fail with exit 2 and nothing else alarming. */
    private static String error(Run run) {
        assertEquals(2, run.status(), run.out());
        assertFalse(run.out().contains("Exception") || run.out().contains("\tat "), run.out());
        List<String> errors = run.out().lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), run.out());
        return errors.get(0);
    }

    @Test
    void badInputFromTheHubOrTheDiskIsOneLineAndExitTwo() throws Exception {
        Path hf = temp.resolve("hf");
        try (FakeHub hub = new FakeHub()) {
            hub.put("splitscope/deep", "model.safetensors", Files.readAllBytes(BundledModels.defaultModel()));
            hub.put("splitscope/deep", "config.json", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(
                    StandardCharsets.UTF_8));
            Map<String, String> env = Map.of("HF_ENDPOINT", hub.endpoint(), "HF_HOME", hf.toString());
            String deep = error(run(env, "info", "--model", "hf:splitscope/deep"));
            assertTrue(deep.contains("config.json") && deep.contains("nested deeper than 32 levels"), deep);

            Files.createDirectories(hf);
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(hf.resolve("token").toFile(), "rw")) {
                f.setLength(3L << 30); // 3 GB, sparse
            }
            String token = error(run(env, "download", "splitscope/other"));
            assertTrue(token.contains(hf.resolve("token") + " is larger than 4 KiB; not a token"), token);
            Files.delete(hf.resolve("token"));

            Run secret = run(Map.of("HF_ENDPOINT", hub.endpoint(), "HF_HOME", hf.toString(), "HF_TOKEN",
                    "hf_SecretToken123\nX-Evil: 1"), "download", "splitscope/other");
            assertTrue(error(secret).contains("HF_TOKEN holds more than one line"), secret.out());
            assertFalse(secret.out().contains("SecretToken"), secret.out());
        }
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String official = error(run(Map.of("SPLITSCOPE_RELEASES_URL", "http://127.0.0.1:" + closed, "TORCH_HOME",
                temp.resolve("torch").toString(), "HF_HOME", hf.toString()), "download", "official:resnest50"));
        assertTrue(official.startsWith("error: official:resnest50: cannot reach http://127.0.0.1:" + closed
                + " (no connection) and it is not in the cache"), official);
    }
}
