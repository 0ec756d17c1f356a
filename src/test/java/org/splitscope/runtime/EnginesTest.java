package org.splitscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.SplitScopeException;
import org.splitscope.cli.ChildCli;
import org.splitscope.cli.CliRunner;

class EnginesTest {
    @Test
    void telemetryIsOffAndNothingIsDownloaded() {
        Engines.configure(0);
        assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("2.7.1", Engines.pytorch().getVersion()); // the natives bundled in the jar, not a download
    }

    @Test
    void deviceChoice() throws SplitScopeException {
        boolean gpu = Engine.getEngine("PyTorch").getGpuCount() > 0;
        assertEquals(gpu ? Device.gpu() : Device.cpu(), Engines.device("auto"));
        assertEquals(Device.cpu(), Engines.device("CPU"));
        if (!gpu) {
            SplitScopeException e = assertThrows(SplitScopeException.class, () -> Engines.device("gpu"));
            assertTrue(e.getMessage().contains("no GPU"), e.getMessage());
        }
        SplitScopeException bad = assertThrows(SplitScopeException.class, () -> Engines.device("tpu"));
        assertEquals("--device: expected auto, cpu or gpu, got 'tpu'", bad.getMessage());
    }

    @Test
    void nativeSettingsAreSetBeforeTheEngineLoadsAndAUsersValueIsKept() throws Exception {
        // fresh processes: the settings are fixed once per process, before libtorch loads
        Map<String, String> none = Map.of();
        boolean canAdapt = Runtime.getRuntime().availableProcessors() > 1 && Files.isReadable(Path.of("/proc/stat"))
                && IntraOpThreads.machineCores() == Runtime.getRuntime().availableProcessors();
        String adapted = "default (spin, then sleep)|adaptive, 1-" + Runtime.getRuntime().availableProcessors()
                + " (one per core left free by other processes)";
        assertEquals(canAdapt ? adapted : "PASSIVE|fixed", settings(none, "0").split("\\|AVX")[0],
                "by default the threads adapt to the free cores and keep OpenMP's default wait");
        assertTrue(settings(none, "0").contains("|AVX"), "the oneDNN cap is set");
        assertEquals("PASSIVE|fixed", settings(none, "2").split("\\|AVX")[0], "a thread count the user gave is kept");
        Map<String, String> fixed = Map.of("SPLITSCOPE_THREADS", "fixed");
        assertEquals("PASSIVE|fixed", settings(fixed, "0").split("\\|AVX")[0], "fixed threads sleep while they wait");
        assertEquals("PASSIVE|fixed", settings(Map.of("OMP_NUM_THREADS", "1"), "0").split("\\|AVX")[0],
                "a count set for OpenMP is kept");
        assertEquals("ACTIVE|fixed|AVX2 (set by ONEDNN_MAX_CPU_ISA)", settings(Map.of("OMP_WAIT_POLICY", "ACTIVE", "ONEDNN_MAX_CPU_ISA", "AVX2", "SPLITSCOPE_THREADS", "fixed"), "0"));
        if (canAdapt) {
            assertEquals("default (spin, then sleep; GOMP_SPINCOUNT=1000)",
                    settings(Map.of("GOMP_SPINCOUNT", "1000"), "0").split("\\|")[0]);
        }
    }

    @Test
    void anEngineLoadedInTheBackgroundStartsWithTheSameSettings() throws Exception {
        // the CLI's capture, cam, analyze and knockout load it on a thread of their own while the arguments are parsed
        Map<String, String> none = Map.of();
        String foreground = settings(none, "0", "load");
        assertTrue(foreground.endsWith("|2.7.1"), foreground);
        assertEquals(foreground, settings(none, "0", "background"));
        Map<String, String> fixed = Map.of("SPLITSCOPE_THREADS", "fixed", "ONEDNN_MAX_CPU_ISA", "AVX2");
        assertEquals(settings(fixed, "0", "load"), settings(fixed, "0", "background"));
    }

    private static String settings(Map<String, String> env, String... args) throws Exception {
        CliRunner.Run run = ChildCli.of(args).main(ShowSettings.class)
                .unset("OMP_WAIT_POLICY", "ONEDNN_MAX_CPU_ISA", "GOMP_SPINCOUNT", "SPLITSCOPE_THREADS", "OMP_NUM_THREADS").env(env).runMerged();
        assertEquals(0, run.status(), run.out());
        return run.out().strip();
    }

    /** Prints the settings the engine would start with, for the thread count given (0: automatic). */
    public static final class ShowSettings {
        public static void main(String[] args) {
            String engine = "";
            if (args.length > 1 && args[1].equals("background")) {
                Engines.offline();
                Engines.loadInBackground(); // as the launcher does for capture
                Engines.awaitLogging(); // as the CLI does before it sets up logging, which would fail
                org.splitscope.logs.Logs.toStderr(false); // (ClassCastException) while SLF4J starts on the other thread
                engine = "|" + Engines.pytorch().getVersion();
            } else {
                Engines.configure(Integer.parseInt(args[0]));
                Engines.settleThreads();
                engine = args.length > 1 ? "|" + Engines.pytorch().getVersion() : "";
            }
            System.out.println(Engines.ompWaitPolicy() + "|" + IntraOpThreads.describe() + "|" + Engines.cpuKernels()
                    + engine);
        }
    }
}
