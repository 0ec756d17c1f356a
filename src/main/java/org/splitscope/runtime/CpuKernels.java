package org.splitscope.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which of oneDNN's CPU kernels libtorch may use. Two faults of the oneDNN in libtorch 2.7.1, both
 * seen on an AMD EPYC (Zen 4) virtual machine, decide it:
 * <ul>
 *   <li>with its AVX-512 kernels some ResNeSt forwards come out wrong: the parity tests against
 *       PyTorch miss by up to 0.05 in the logits for radix·cardinality ≥ 4, and a bundled model
 *       loses 1.3 points of accuracy — silently wrong attention. It is not the grouped convolution
 *       alone (each group on its own gave the same error) nor the channels-last layout. AVX2 is exact;</li>
 *   <li>where the machine hides its cache sizes (no {@code /sys/devices/system/cpu/cpu0/cache}, as
 *       some hypervisors do), its AVX2 brgemm 1×1 convolutions divide by the cache size and the
 *       process dies with SIGFPE on any ResNeSt-50. Plain AVX kernels do not need the sizes.</li>
 * </ul>
 * A wrong or crashing forward is worse than a slower one. A user who sets {@code ONEDNN_MAX_CPU_ISA}
 * keeps their value.
 */
final class CpuKernels {
    private CpuKernels() {}

    /** Where Linux shows the CPU; a parameter so the tests can show a machine that hides its caches. */
    static final Path SYS = Path.of("/sys");

    static String safeIsa() {
        return safeIsa(SYS);
    }

    static String safeIsa(Path sys) {
        return cacheSizesVisible(sys) ? "AVX2" : "AVX";
    }

    static boolean cacheSizesVisible() {
        return cacheSizesVisible(SYS);
    }

    static boolean cacheSizesVisible(Path sys) {
        return !isLinux() || Files.isDirectory(sys.resolve("devices/system/cpu/cpu0/cache/index0"));
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    /** "AVX2", or "AVX (cache sizes hidden)", or the user's value. */
    static String describe() {
        String isa = NativeEnvironment.get("ONEDNN_MAX_CPU_ISA");
        if (isa == null) {
            return "default";
        }
        return isa + (isa.equals("AVX") && !cacheSizesVisible() ? " (the CPU's cache sizes are hidden)" : "");
    }
}
