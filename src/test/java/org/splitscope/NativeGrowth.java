package org.splitscope;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much native memory a repeated step leaves behind, for the memory tests of the forward paths
 * (CaptureMemoryTest, CamMemoryTest). PyTorch's memory is invisible to the Java heap, so it is the
 * process (VmRSS) less what the JVM itself has committed, which grows with Java garbage and is no leak.
 */
public final class NativeGrowth {
    /** One repetition of what is measured; {@code i} counts from 0. */
    @FunctionalInterface
    public interface Step {
        void run(int i) throws Exception;
    }

    private NativeGrowth() {}

    /** Runs {@code step} {@code n} times (the allocator's warm-up before measuring). */
    public static void repeat(int n, Step step) throws Exception {
        for (int i = 0; i < n; i++) {
            step.run(i);
        }
    }

    /**
     * Runs {@code step} {@code steps} times in two halves and gives the smaller growth per step, in kB:
     * a leak grows in both, while a one-off step (another thread of the test JVM, a heap resize moving
     * RSS and committed apart) shows in one only.
     */
    public static double perStep(int steps, Step step) throws Exception {
        int half = steps / 2;
        long before = nativeKb();
        repeat(half, step);
        long middle = nativeKb();
        repeat(half, i -> step.run(half + i));
        long after = nativeKb();
        return (double) Math.min(middle - before, after - middle) / half;
    }

    /** The process's resident memory less the JVM's committed heap and non-heap, in kB, after a GC. */
    public static long nativeKb() throws Exception {
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long jvm = memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) - jvm / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
