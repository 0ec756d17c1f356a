package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.cli.CliRunner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.TestSupport;
import org.splitscope.cli.CliRunner.Run;
import picocli.CommandLine;

/** The CLI end to end, in process: real files in, files out read back; broken files out with exit 2. */
public class CliTest {
    @TempDir
    Path temp;

    private static String fixture(String name) {
        return TestSupport.resource("parity/" + name).toString();
    }

    /** The one fixture with the official stem (stride 2, max-pool), which the weights cannot show. */
    @Test
    void captureWritesWhatPyTorchComputed() throws Exception {
        Path out = temp.resolve("out");
        Run run = run("capture", "--model", fixture("r2k1_plainstem.safetensors"), "--input", fixture("r2k1_plainstem.input.npy"),
                "--out", out.toString(), "--batch", "1", "--device", "cpu");
        assertEquals(0, run.status(), run.err());

        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> got = TestSupport.decode(manager, out.resolve("capture.npz"));
            Map<String, NDArray> expected = TestSupport.decode(manager, TestSupport.resource("parity/r2k1_plainstem.expected.npz"));
            for (String key : expected.keySet()) {
                if (key.equals("input")) {
                    continue;
                }
                assertTrue(got.containsKey(key), "capture.npz lacks " + key);
                assertEquals(expected.get(key).getShape(), got.get(key).getShape(), key);
                float diff = TestSupport.maxAbsDiff(expected.get(key).toFloatArray(), got.get(key).toFloatArray());
                assertTrue(diff <= 1e-4, key + " differs by " + diff);
            }
            assertEquals(expected.size() - 1, got.size(), "capture.npz has exactly logits + attention/gap per block");
        }

        JsonObject json = new Gson().fromJson(Files.readString(out.resolve("capture.json")), JsonObject.class);
        assertEquals(2, json.getAsJsonArray("inputs").size());
        assertEquals("r2k1_plainstem.input.npy[1]", json.getAsJsonArray("inputs").get(1).getAsJsonObject().get("source").getAsString());
        assertEquals(5, json.getAsJsonArray("inputs").get(0).getAsJsonObject().getAsJsonArray("top5").size());
        assertEquals(64, json.getAsJsonObject("model").get("sha256").getAsString().length());
        assertEquals(2, json.getAsJsonObject("model").getAsJsonObject("config").get("radix").getAsInt());
        assertEquals(4, json.getAsJsonArray("blocks").size());
        assertEquals("CPU", json.get("device").getAsString());
        assertTrue(json.getAsJsonObject("timingsMs").get("forward").getAsDouble() > 0);
    }

    @Test
    void captureTakesRealImagesInNameOrderAndSplitMapsOnRequest() throws Exception {
        Path photos = temp.resolve("photos");
        Files.createDirectories(photos);
        Path formats = TestSupport.resource("input/formats");
        try (var files = Files.list(formats)) {
            for (Path f : files.toList()) { // PNG, JPEG, CMYK JPEG, BMP, GIF, TIFF, WebP
                Files.copy(f, photos.resolve(f.getFileName()));
            }
        }
        List<String> names;
        try (var files = Files.list(photos)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Path out = temp.resolve("out");
        Run run = run("capture", "--model", fixture("r2k1_plainstem.safetensors"), "--input", photos.toString(),
                "--out", out.toString(), "--batch", "2", "--splits", "layer2.0");
        assertEquals(0, run.status(), run.err());
        JsonObject json = new Gson().fromJson(Files.readString(out.resolve("capture.json")), JsonObject.class);
        assertEquals(names.size(), json.getAsJsonArray("inputs").size());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(names.get(i), json.getAsJsonArray("inputs").get(i).getAsJsonObject().get("source").getAsString());
        }
        try (NDManager manager = TestSupport.manager()) {
            Map<String, NDArray> got = TestSupport.decode(manager, out.resolve("capture.npz"));
            // layer2.0 of r2k1_plainstem: R = 2, C = 8 at 224/4 = 56 px (the avd pool halves it after the SplAt conv)
            assertEquals(new ai.djl.ndarray.types.Shape(names.size(), 2, 8, 56, 56), got.get("layer2.0.splits").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(names.size(), 8, 56, 56), got.get("layer2.0.fused").getShape());
            assertFalse(got.containsKey("layer1.0.splits"));
        }
        Run unknown = run("capture", "--model", fixture("r2k1_plainstem.safetensors"), "--input", photos.toString(),
                "--out", out.toString(), "--splits", "layer9.9");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no split-attention block 'layer9.9'"), unknown.err());
    }

    @Test
    void infoShowsTheInferredArchitecture() {
        Run run = run("info", "--model", fixture("r4k2_avdfirst.safetensors"), "--avd-first");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("ResNeSt 4s2x64d"), run.out());
        assertTrue(run.out().contains("first (your choice)"), run.out());
        assertTrue(run.out().contains("layer2.1"), run.out());
    }

    @Test
    void benchPrintsOneJsonObject() {
        Run run = run("bench", "--preset", "resnest14d", "--size", "64", "--iterations", "2", "--warmup", "1", "--json",
                "--contended");
        assertEquals(0, run.status(), run.err());
        JsonObject json = new Gson().fromJson(run.out().trim(), JsonObject.class);
        assertTrue(json.get("forward_ms").getAsDouble() > 0);
        assertTrue(json.get("capture_ms").getAsDouble() > 0);
        assertTrue(json.get("contended_forward_ms").getAsDouble() > 0, "measured again under its own competitor");
        assertTrue(json.get("contended_capture_ms").getAsDouble() > 0);
        assertEquals("2s1x64d", json.get("notation").getAsString());
        assertEquals("CPU", json.get("device").getAsString(), "in the user's words, not cpu()");
        assertEquals("PASSIVE", json.get("omp_wait_policy").getAsString());
        // what a number was measured with, so that it can be reproduced
        assertEquals("fixed", json.get("threads_policy").getAsString());
        assertTrue(json.get("cpu_kernels").getAsString().startsWith("AVX"), json.toString());
        assertEquals("2.7.1", json.get("pytorch").getAsString());
    }

    @Test
    void brokenCheckpointIsAUserErrorWithoutStackTrace() throws Exception {
        Path bad = temp.resolve("broken.safetensors");
        byte[] good = Files.readAllBytes(TestSupport.resource("parity/r2k1.safetensors"));
        Files.write(bad, java.util.Arrays.copyOf(good, good.length / 2));
        Run run = run("capture", "--model", bad.toString(), "--input", fixture("r2k1.input.npy"), "--out", temp.resolve("o").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: broken.safetensors"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(temp.resolve("o").resolve("capture.npz")), "nothing half-written");
    }

    @Test
    void presetThatContradictsTheWeightsIsNamed() {
        Run run = run("info", "--model", fixture("r2k1.safetensors"), "--preset", "resnest50d");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("does not match preset resnest50d"), run.err());
        assertTrue(run.err().contains("layers [2, 2, 2, 2] in the weights"), run.err());
    }

    @Test
    void missingInputAndUnknownPresetAreUserErrors() {
        Run missing = run("capture", "--model", fixture("r2k1.safetensors"), "--input", temp.resolve("nope.png").toString(),
                "--out", temp.toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope.png: no such file"), missing.err());

        Run preset = run("bench", "--preset", "resnest9000");
        assertEquals(2, preset.status());
        assertTrue(preset.err().contains("unknown preset 'resnest9000'"), preset.err());
    }

    @Test
    void everyCommandPrintsHelpAndVersionWithoutItsRequiredOptions() {
        List<String> commands = new ArrayList<>(new CommandLine(new SplitScopeCli()).getSubcommands().keySet());
        assertTrue(commands.containsAll(List.of("capture", "figure", "bench", "info", "train", "ablation")), commands.toString());
        for (String command : commands) {
            for (String flag : List.of("--help", "-h")) {
                Run run = run(command, flag);
                assertEquals(0, run.status(), command + " " + flag + ": " + run.err());
                assertTrue(run.out().startsWith("Usage: splitscope " + command + " "), run.out());
                assertTrue(run.out().contains("--version"), run.out());
                assertEquals("", run.err(), command + " " + flag);
            }
            for (String flag : List.of("--version", "-V")) {
                Run run = run(command, flag);
                assertEquals(0, run.status(), command + " " + flag + ": " + run.err());
                assertEquals(org.splitscope.Version.NAME, run.out().strip(), command + " " + flag);
            }
        }
        Run root = run("--help");
        assertEquals(0, root.status());
        assertTrue(root.out().contains("capture"), root.out());
        assertEquals(org.splitscope.Version.NAME, run("--version").out().strip());
    }

    @Test
    void debugCountsWhereverItIsGiven() {
        String[] failing = {"capture", "--model", fixture("r2k1.safetensors"), "--input", temp.resolve("nope.png").toString(),
            "--out", temp.toString()};
        Run plain = run(failing);
        assertEquals(2, plain.status());
        assertEquals(1, plain.err().strip().lines().count(), plain.err());
        List<String> trailing = new ArrayList<>(List.of(failing));
        trailing.add("--debug");
        Run debug = run(trailing.toArray(String[]::new));
        assertEquals(2, debug.status());
        assertTrue(debug.err().startsWith("error: "), debug.err());
        assertTrue(debug.err().contains("\tat org.splitscope."), "a stack trace after the error line: " + debug.err());
    }

    @Test
    void bundledModelsAreReachableByName() {
        Run info = run("info", "--model", "fmnist-0s1x64d");
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains("0s1x64d"), info.out());
        assertEquals(0, run("info", "--model", "fmnist-4s1x64d.safetensors").status());
        Run unknown = run("info", "--model", "fmnist-9s9x99d");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("fmnist-9s9x99d: no such file, nor a bundled model (fmnist-2s1x64d"), unknown.err());
    }

    @Test
    void badInputsStopTheCaptureOrAreSkippedAndListedWithSkipBad() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("images"));
        Files.copy(TestSupport.resource("input/formats/blocks.png"), dir.resolve("a.png"));
        Files.write(dir.resolve("b.png"), new byte[] {1, 2, 3, 4, 5});
        Files.write(dir.resolve("._a.png"), new byte[] {0, 0, 0}); // a macOS resource fork: not an input
        Files.write(dir.resolve(".DS_Store"), new byte[] {0});
        Path stopped = temp.resolve("stopped");
        Run strict = run("capture", "--model", "fmnist-2s1x64d", "--input", dir.toString(), "--out", stopped.toString());
        assertEquals(2, strict.status());
        assertTrue(strict.err().contains("b.png"), strict.err());
        assertFalse(Files.exists(stopped.resolve("capture.npz")), "nothing half-written");

        Path out = temp.resolve("skipping");
        Run lenient = run("capture", "--model", "fmnist-2s1x64d", "--input", dir.toString(), "--out", out.toString(),
                "--skip-bad");
        assertEquals(0, lenient.status(), lenient.err());
        assertTrue(lenient.err().startsWith("skipped 1 of 2 inputs: "), lenient.err());
        JsonObject json = new Gson().fromJson(Files.readString(out.resolve("capture.json")), JsonObject.class);
        assertEquals(1, json.getAsJsonArray("inputs").size());
        assertEquals(1, json.getAsJsonArray("skipped").size());
        assertTrue(json.getAsJsonArray("skipped").get(0).getAsJsonObject().get("path").getAsString().endsWith("b.png"));

        Files.delete(dir.resolve("a.png"));
        Run none = run("capture", "--model", "fmnist-2s1x64d", "--input", dir.toString(), "--out", out.toString(),
                "--skip-bad");
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("error: no input could be read"), none.err());
    }

    @Test
    void withoutADisplayTheExplorerSaysSoInOneLine() throws Exception {
        Run run = ChildCli.of().unset("DISPLAY", "WAYLAND_DISPLAY").run();
        assertEquals(2, run.status());
        assertEquals("error: the explorer needs a display (DISPLAY is not set); the command line works without one: "
                + "splitscope --help", run.err().strip());
    }

    @Test
    void fileNamesInErrorsCannotDriveTheTerminal() {
        Run run = run("capture", "--model", "fmnist-2s1x64d", "--input", temp.resolve("x\u001b[31m\nerror: forged.png").toString(),
                "--out", temp.resolve("o").toString());
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().strip().chars().anyMatch(c -> c < 0x20), run.err());
        assertTrue(run.err().contains("x\\x1B[31m\\x0Aerror: forged.png"), run.err());
    }

    @Test
    void aUserWithoutAWritableHomeCanStillUseTheBundledModel() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("home-is-a-file"), "");
        Run run = ChildCli.of("info").jvm("-Duser.home=" + notAFolder, "-Djava.io.tmpdir=" + temp)
                .unset("XDG_CACHE_HOME", "DJL_CACHE_DIR").runMerged();
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("fmnist-2s1x64d"), run.out());
        assertTrue(Files.isDirectory(temp.resolve("splitscope-" + System.getProperty("user.name"))), "unpacked there instead");
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsFoundBeforeTheWork() throws Exception {
        Path file = Files.writeString(temp.resolve("plain-file"), "x");
        Run run = run("capture", "--model", "fmnist-2s1x64d", "--input", TestSupport.resource("input/formats/blocks.png")
                .toString(), "--out", file.resolve("sub").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: " + file.resolve("sub") + ": cannot write there ("), run.err());
        assertEquals("", run.out(), "no capture ran");
    }

    @Test
    void oneCaptureAtATimeWritesIntoAFolderAndStalePartsAreCleared() throws Exception {
        Path out = Files.createDirectories(temp.resolve("shared-out"));
        String image = TestSupport.resource("input/formats/blocks.png").toString();
        try (var held = org.splitscope.io.FolderLock.acquire(out)) { // another capture is writing
            Run second = run("capture", "--model", "fmnist-2s1x64d", "--input", image, "--out", out.toString());
            assertEquals(2, second.status());
            assertTrue(second.err().contains("another capture is writing into this folder"), second.err());
        }
        Path stale = Files.writeString(out.resolve(".capture.npz.0b5c-dead.part"), "left by a killed run");
        Run run = run("capture", "--model", "fmnist-2s1x64d", "--input", image, "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertFalse(Files.exists(stale), "a stale part is removed by the next run");
        assertTrue(Files.exists(out.resolve("capture.npz")));
        // the pair carries one run id, so a reader can check it has both files of one run
        String runId = new Gson().fromJson(Files.readString(out.resolve("capture.json")), JsonObject.class).get("run")
                .getAsString();
        try (java.util.zip.ZipFile npz = new java.util.zip.ZipFile(out.resolve("capture.npz").toFile())) {
            assertEquals("splitscope run " + runId, npz.getComment());
        }
    }

    @Test
    void aTerminatedCommandSaysSoInOneLineAndExits130() throws Exception {
        // SIGTERM (Ctrl+C's SIGINT takes the same way out) once the child says its work is under way
        ChildCli.Child child = ChildCli.of("bench", "--preset", "resnest14d", "--iterations", "100000").startReady();
        child.signal("TERM");
        assertEquals(130, child.status(), child.err());
        assertEquals("interrupted; files being written were discarded, finished ones are kept", child.err().strip());
    }
}
