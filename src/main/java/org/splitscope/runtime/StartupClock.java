package org.splitscope.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -Dsplitscope.startupTiming=true}: marks along the start-up path (main, engine loaded, model
 * loaded, capture done, …), each with the wall time since the process started and the CPU time the
 * process has used so far, printed to standard error as one line per mark. Off (one boolean read, no
 * clock) unless asked for; for {@code packaging/startup-timing.sh} and whoever wants to know where a
 * start's time goes. CPU time is what a busy machine's cores really pay, so it is the number to compare
 * when other work inflates wall times.
 */
public final class StartupClock {
    private static final boolean ON = Boolean.getBoolean("splitscope.startupTiming");
    private static final List<String> MARKS = new ArrayList<>();

    private StartupClock() {}

    public static boolean on() {
        return ON;
    }

    /** Notes {@code what} happened now; the first mark of each name counts. */
    public static void mark(String what) {
        if (!ON) {
            return;
        }
        long wall = sinceStartMillis();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        synchronized (MARKS) {
            if (MARKS.stream().anyMatch(m -> m.equals(what))) {
                return;
            }
            MARKS.add(what);
        }
        System.err.println(line(what, wall, cpu, Thread.currentThread().getName()));
    }

    /**
     * Wall milliseconds since the process started (to 10 ms on Linux, from /proc; see
     * {@link ProcessStart}), or -1 if unknown.
     */
    public static long sinceStartMillis() {
        return ProcessStart.elapsedMillis();
    }

    static String line(String what, long wallMs, long cpuMs, String thread) {
        return String.format(java.util.Locale.ROOT, "splitscope: startup %-22s %6d ms wall %6d ms cpu  [%s]", what,
                wallMs, cpuMs, thread);
    }
}
