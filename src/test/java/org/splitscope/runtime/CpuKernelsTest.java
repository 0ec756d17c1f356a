package org.splitscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oneDNN cap (see {@link CpuKernels}): AVX2 where the CPU shows its cache sizes — its AVX-512
 * kernels gave wrong ResNeSt forwards — and plain AVX where a hypervisor hides them (AVX2's brgemm
 * convolutions divide by the cache size: SIGFPE). Any other value, or a cap that ignores /sys, fails.
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
        assertEquals(visible ? "AVX2" : "AVX", NativeEnvironment.get("ONEDNN_MAX_CPU_ISA"));
        assertEquals(visible ? "AVX2" : "AVX (the CPU's cache sizes are hidden)", Engines.cpuKernels());
    }
}
