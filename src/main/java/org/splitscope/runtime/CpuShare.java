package org.splitscope.runtime;

/**
 * How many cores other processes took between two moments, from Linux's CPU accounting: the
 * machine's busy time ({@code /proc/stat}, steal included — time the hypervisor gave to someone
 * else is a core we did not have) minus this process's own ({@code /proc/self/stat}). Pure
 * arithmetic on two snapshots, so the tests can feed it any machine.
 */
record CpuShare(long busyTicks, long totalTicks, long ownTicks) {

    /** Fewer ticks than this between snapshots (100 per second per core) say too little to act on. */
    static final long MIN_TICKS = 16;

    /**
     * The first line of {@code /proc/stat} and the whole of {@code /proc/self/stat}; null where they
     * do not parse (another kernel's format, not Linux).
     */
    static CpuShare parse(String procStatFirstLine, String selfStat) {
        if (procStatFirstLine == null || selfStat == null || !procStatFirstLine.startsWith("cpu ")) {
            return null;
        }
        try {
            String[] f = procStatFirstLine.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal [guest guest_nice: already in user/nice]
            if (f.length < 9) {
                return null;
            }
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = Long.parseLong(f[8]);
            long busy = user + nice + system + irq + softirq + steal;
            // the command name in parentheses may hold spaces: count fields after its closing ')'
            int close = selfStat.lastIndexOf(')');
            if (close < 0) {
                return null;
            }
            String[] s = selfStat.substring(close + 1).trim().split("\\s+");
            // after ')': state(3) ppid … utime is field 14 and stime field 15 of the whole line
            if (s.length < 13) {
                return null;
            }
            long own = Long.parseLong(s[11]) + Long.parseLong(s[12]);
            return new CpuShare(busy, busy + idle + iowait, own);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Cores' worth of CPU that other processes used from {@code earlier} to this snapshot, between 0
     * and {@code cpus}; NaN where the interval is too short to tell (or the counters went backwards).
     */
    double othersSince(CpuShare earlier, int cpus) {
        long total = totalTicks - earlier.totalTicks;
        if (total < MIN_TICKS || cpus < 1) {
            return Double.NaN;
        }
        long others = (busyTicks - earlier.busyTicks) - (ownTicks - earlier.ownTicks);
        double cores = cpus * (double) others / total;
        return Math.max(0, Math.min(cpus, cores));
    }

    /**
     * Intra-op threads for the next forward: one per core that others left free, at least one, at
     * most {@code max}. A core counts as taken once others used half of it: an OpenMP team member on
     * such a core is descheduled so often that the whole team waits for it, and one thread fewer is
     * faster (ResNeSt-50 on 2 cores with one busy competitor: 1 thread about 160 ms, 2 spinning
     * threads about 300 ms).
     *
     * @param others from {@link #othersSince}; NaN keeps {@code current}
     */
    static int threadsFor(double others, int cpus, int max, int current) {
        if (Double.isNaN(others)) {
            return current;
        }
        int free = cpus - (int) Math.floor(others + 0.5);
        return Math.max(1, Math.min(max, free));
    }
}
