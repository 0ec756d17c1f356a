package org.splitscope.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which of oneDNN's CPU kernels libtorch may use ({@code ONEDNN_MAX_CPU_ISA}, set before the engine
 * loads). The oneDNN in libtorch 2.7.1 has failed in two ways:
 * <ul>
 *   <li>where the machine hides its cache sizes (no {@code /sys/devices/system/cpu/cpu0/cache}, as
 *       some hypervisors do), its AVX2 brgemm 1×1 convolutions divide by the cache size and the
 *       process dies with SIGFPE on any ResNeSt-50. Plain AVX kernels do not need the sizes, so such
 *       a machine gets AVX, always;</li>
 *   <li>on one AMD EPYC virtual machine (that one hid its caches too) its AVX-512 kernels computed
 *       some ResNeSt forwards wrongly (logits off by up to 0.05 for radix·cardinality ≥ 4), while on
 *       another, showing its caches, every level was exact.</li>
 * </ul>
 * So elsewhere the level is decided by evidence on the machine itself: the known-answer check
 * ({@link IsaCheck}, {@link IsaSelection}) tries each level the CPU has in a child process and keeps
 * the fastest exact one, once per CPU and libtorch. Until its verdict exists the safe default, AVX2,
 * is used and the check starts in the background. A user who sets {@code ONEDNN_MAX_CPU_ISA} keeps
 * their value; {@code SPLITSCOPE_KERNEL_CHECK=off} keeps AVX2 and runs no check.
 */
final class CpuKernels {
    private CpuKernels() {}

    /** Where Linux shows the CPU; a parameter so the tests can show a machine that hides its caches. */
    static final Path SYS = Path.of("/sys");

    /** The level used before (or without) a verdict. */
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

    /** The level chosen for this process and why, in words. */
    record Choice(String isa, String why) {}

    private static Choice choice;

    /**
     * Decides the level once per process and sets it (unless the user set one).
     */
    static synchronized void apply() {
        if (choice != null) {
            return;
        }
        String users = System.getenv("ONEDNN_MAX_CPU_ISA");
        if (users != null) {
            choice = new Choice(org.splitscope.io.Printable.clean(users), "set by ONEDNN_MAX_CPU_ISA");
            return;
        }
        choice = decide(cacheSizesVisible(), IsaSelection.switchedOff(), IsaMachine.current());
        NativeEnvironment.setDefault("ONEDNN_MAX_CPU_ISA", choice.isa());
    }

    /**
     * Starts the check in the background where a verdict is due. Only the window asks (not bench, whose
     * numbers it would disturb):
     * a one-off command (or {@code --help}) should not leave a process behind that times forwards.
     */
    static synchronized void checkIfDue() {
        if (choice == PENDING) {
            IsaSelection.startInBackground();
        }
    }

    static final Choice PENDING = new Choice("AVX2",
            "the safe default until the kernel check has run; `splitscope info --kernels` runs it now");

    static Choice decide(boolean cachesVisible, boolean switchedOff, IsaMachine machine) {
        if (!cachesVisible) {
            return new Choice("AVX", "the CPU's cache sizes are hidden");
        }
        if (switchedOff) {
            return new Choice("AVX2", "the safe default; " + IsaSelection.SWITCH + "=off");
        }
        if (machine == null) {
            return new Choice("AVX2", "the safe default; the kernel check runs on Linux x86-64 only");
        }
        Optional<IsaVerdict> verdict = IsaSelection.cached(machine);
        if (verdict.isEmpty()) {
            return PENDING;
        }
        return verdict.get().chosen().map(isa -> new Choice(isa, verdict.get().why()))
                .orElse(new Choice("AVX2", "the safe default: " + verdict.get().why()));
    }

    /** The level oneDNN runs with, as native code sees it: AVX2, the user's value, or "default". */
    static String isa() {
        String isa = NativeEnvironment.get("ONEDNN_MAX_CPU_ISA");
        return isa == null ? "default" : org.splitscope.io.Printable.clean(isa);
    }

    /** "AVX2: fastest exact of AVX, AVX2; checked 2026-12-05", "AVX (the CPU's cache sizes are hidden)", … */
    static String describe() {
        String isa = NativeEnvironment.get("ONEDNN_MAX_CPU_ISA");
        Choice c;
        synchronized (CpuKernels.class) {
            c = choice;
        }
        if (isa == null) {
            return "default";
        }
        if (c == null) {
            return org.splitscope.io.Printable.clean(isa) + " (set by ONEDNN_MAX_CPU_ISA)";
        }
        return c.why().startsWith(isa + ":") ? c.why() : isa + " (" + c.why() + ")";
    }
}
