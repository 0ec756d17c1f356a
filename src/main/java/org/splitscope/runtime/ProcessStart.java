package org.splitscope.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How long ago this process started (the launcher's exec, as a user's click starts it), to the
 * hundredth of a second. {@code ProcessHandle.Info.startInstant()} is no good for this on Linux: the
 * JDK builds it from /proc/stat's boot time, which has whole seconds, so every figure carried a
 * constant error of up to a second. Here both ends come from the same boot-relative clock:
 * /proc/uptime (seconds since boot, two decimals) minus /proc/self/stat's {@code starttime} (clock
 * ticks since boot, field 22). Elsewhere, or if /proc cannot be read, the JDK's start instant.
 */
final class ProcessStart {
    /** Linux's USER_HZ, which /proc reports in; fixed at 100 on every architecture it runs on. */
    static final long TICKS_PER_SECOND = 100;

    private ProcessStart() {}

    /** Milliseconds since the process started, or -1 if nobody can say. */
    static long elapsedMillis() {
        try {
            long uptimeMs = uptimeMillis(Files.readString(Path.of("/proc/uptime")));
            long startMs = startTicks(Files.readString(Path.of("/proc/self/stat"))) * 1000 / TICKS_PER_SECOND;
            return uptimeMs - startMs;
        } catch (IOException | RuntimeException e) {
            // not Linux, or a /proc unlike the one described in proc(5)
            return ProcessHandle.current().info().startInstant()
                    .map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        }
    }

    /**
     * Field 22 of /proc/[pid]/stat, {@code starttime}. The second field is the command name in
     * parentheses, which may itself hold spaces and ')': the fields after it start after the last ')'.
     */
    static long startTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("no command name in /proc/self/stat");
        }
        String[] rest = stat.substring(close + 1).trim().split("\\s+");
        // rest[0] is field 3 (state), so field 22 is rest[19]
        if (rest.length < 20) {
            throw new IllegalArgumentException("/proc/self/stat has " + (rest.length + 2) + " fields, not 22");
        }
        return Long.parseLong(rest[19]);
    }

    /** The first number of /proc/uptime ("12345.67 23456.78"), seconds since boot, in milliseconds. */
    static long uptimeMillis(String uptime) {
        String first = uptime.trim().split("\\s+")[0];
        int dot = first.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(first) * 1000;
        }
        String fraction = (first.substring(dot + 1) + "000").substring(0, 3);
        return Long.parseLong(first.substring(0, dot)) * 1000 + Long.parseLong(fraction);
    }
}
