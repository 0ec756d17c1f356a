package org.splitscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oneDNN cap's safe default (see {@link CpuKernels}): AVX2 where the CPU shows its cache sizes
 * (until the known-answer check has a verdict, {@link IsaCheckTest}) and plain AVX where a hypervisor
 * hides them (AVX2's brgemm convolutions divide by the cache size: SIGFPE) — always, whatever a
 * verdict says. Any other value, or a cap that ignores /sys, fails.
 */
class CpuKernelsTest {
    @TempDir
    Path sys;

    @BeforeEach
    void linuxOnly() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "the cap reads Linux's /sys");
    }

    @Test
    void cacheSizesVisibleCapsAtAvx2() throws Exception {
        Files.createDirectories(sys.resolve("devices/system/cpu/cpu0/cache/index0"));
        assertEquals("AVX2", CpuKernels.safeIsa(sys));
    }

    @Test
    void hiddenCacheSizesFallBackToAvx() throws Exception {
        assertEquals("AVX", CpuKernels.safeIsa(sys), "no /sys at all");
        Files.createDirectories(sys.resolve("devices/system/cpu/cpu0/cache")); // the folder, but no index0 in it
        assertEquals("AVX", CpuKernels.safeIsa(sys));
        Files.createDirectories(sys.resolve("devices/system/cpu/cpu1/cache/index0")); // only cpu0 is looked at
        assertEquals("AVX", CpuKernels.safeIsa(sys));
    }

    /** What libtorch is started with here, as native code sees it (libc's getenv, where oneDNN reads it). */
    @Test
    void theEngineStartsWithTheCapForThisMachine() {
        assumeTrue(System.getenv("ONEDNN_MAX_CPU_ISA") == null, "the user chose ONEDNN_MAX_CPU_ISA; it is kept");
        Engines.configure(0);
        boolean visible = Files.isDirectory(Path.of("/sys/devices/system/cpu/cpu0/cache/index0"));
        CpuKernels.Choice choice = CpuKernels.decide(visible, IsaSelection.switchedOff(), IsaMachine.current());
        assertEquals(choice.isa(), NativeEnvironment.get("ONEDNN_MAX_CPU_ISA"));
        if (!visible) {
            assertEquals("AVX (the CPU's cache sizes are hidden)", Engines.cpuKernels());
        } else if (IsaSelection.switchedOff()) { // as in `mvn test` (pom.xml): the tests run on the safe default
            assertEquals("AVX2 (the safe default; SPLITSCOPE_KERNEL_CHECK=off)", Engines.cpuKernels());
        }
        assertEquals(choice.isa(), Engines.onednnIsa());
    }
}
