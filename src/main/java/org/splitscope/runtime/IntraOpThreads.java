package org.splitscope.runtime;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits libtorch's intra-op thread count to the cores other programs leave free, before every CPU
 * forward. libtorch's OpenMP threads then keep their default wait (spin a little, then sleep), which
 * is the fastest on a quiet machine, without the cost that spinning has on a busy one: a team member
 * whose core is taken is descheduled, and the others spin waiting for it (ResNeSt-50 on 2 cores with
 * one busy competitor: 300 ms instead of 160 ms). With one thread per free core nobody waits for a
 * partner that is not running.
 *
 * <p>The default when the thread count is automatic ({@link Engines#configure(int)} with 0); a count
 * the user gave, or {@code SPLITSCOPE_THREADS=fixed}, is kept as given. Where the process may use
 * fewer cores than {@code /proc/stat} counts (a container, a cluster job) the count stays fixed, as
 * the machine-wide accounting cannot tell our cores from others'. On a 2-core machine loaded by
 * several other processes, one thread (all that is free by this rule) got one share of a core and
 * lost to two passively waiting threads (README, Speed): there {@code fixed} is the better choice.
 * The choice is per calling thread, as OpenMP's is.
 */
public final class IntraOpThreads {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    private static final ThreadLocal<Integer> applied = new ThreadLocal<>();
    private static boolean adaptive;
    private static int max = 1;
    private static CpuShare last;
    private static int choice;
    private static final Map<Integer, Integer> used = new TreeMap<>();

    private IntraOpThreads() {}

    /**
     * Called once by {@link Engines}, before the engine loads: adapt between 1 and {@code maxThreads}
     * (1: fixed); false where it cannot adapt (one core, no /proc).
     */
    static synchronized boolean adaptUpTo(int maxThreads) {
        adaptive = maxThreads > 1 && read() != null && machineCores() == maxThreads;
        max = Math.max(1, maxThreads);
        choice = max;
        return adaptive;
    }

    static synchronized boolean adaptive() {
        return adaptive;
    }

    /** Before a forward on {@code device}, on the thread that runs it. Cheap: two small /proc reads. */
    public static void beforeForward(Device device) {
        if (!adaptive() || device == null || !Device.Type.CPU.equals(device.getDeviceType())) {
            return;
        }
        int threads = decide();
        Integer now = applied.get();
        if (now == null || now != threads) {
            JniUtils.setNumThreads(threads);
            applied.set(threads);
        }
    }

    private static synchronized int decide() {
        CpuShare now = read();
        if (now == null) {
            return choice;
        }
        if (last == null) {
            last = now;
        } else {
            int cpus = Runtime.getRuntime().availableProcessors();
            double others = now.othersSince(last, cpus);
            if (!Double.isNaN(others)) {
                choice = CpuShare.threadsFor(others, cpus, max, choice);
                last = now; // a short interval accumulates into the next one
            }
        }
        used.merge(choice, 1, Integer::sum);
        return choice;
    }

    /** How many forwards ran with each thread count since the last call (for {@code bench}); resets. */
    public static synchronized Map<Integer, Integer> drainUsage() {
        Map<Integer, Integer> copy = new TreeMap<>(used);
        used.clear();
        return copy;
    }

    /** "adaptive, 1-N (…)" or "fixed". */
    public static synchronized String describe() {
        return adaptive ? "adaptive, 1-" + max + " (one per core left free by other processes)" : "fixed";
    }

    /**
     * The cores {@code /proc/stat} counts (its {@code cpuN} lines), or -1. Fewer usable than that (a
     * container, a cluster job's cpuset) and the machine-wide busy time says nothing about our cores:
     * other jobs' work would look like cores taken from us, so the count stays fixed there.
     */
    static int machineCores() {
        try (var lines = Files.lines(PROC_STAT, StandardCharsets.US_ASCII)) {
            return (int) lines.filter(l -> l.length() > 3 && l.startsWith("cpu") && Character.isDigit(l.charAt(3)))
                    .count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static CpuShare read() {
        try (BufferedReader r = Files.newBufferedReader(PROC_STAT, StandardCharsets.US_ASCII)) {
            return CpuShare.parse(r.readLine(), Files.readString(SELF_STAT, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return null; // not Linux: keep the fixed count
        }
    }
}
