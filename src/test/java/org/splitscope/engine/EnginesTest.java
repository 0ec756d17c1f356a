package org.splitscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.splitscope.SplitScopeException;

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
        Engines.configure(0);
        assertEquals("PASSIVE", Engines.ompWaitPolicy(), "OpenMP threads sleep instead of spinning");
        assertTrue(Engines.cpuKernels().startsWith("AVX"), Engines.cpuKernels());
        // a fresh process where the user chose otherwise
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), ShowSettings.class.getName());
        pb.environment().put("OMP_WAIT_POLICY", "ACTIVE");
        pb.environment().put("ONEDNN_MAX_CPU_ISA", "AVX2");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals("ACTIVE AVX2", out);
    }

    /** Prints the settings the engine would start with. */
    public static final class ShowSettings {
        public static void main(String[] args) {
            Engines.configure(0);
            System.out.println(Engines.ompWaitPolicy() + " " + Engines.cpuKernels());
        }
    }
}
