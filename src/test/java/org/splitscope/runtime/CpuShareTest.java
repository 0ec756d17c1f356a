package org.splitscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The thread-count decision of {@link IntraOpThreads}, from given /proc snapshots: the cores others
 * took between two forwards, and one intra-op thread per core they left free.
 */
class CpuShareTest {
    /** A process whose name holds spaces and a ')' — the fields are counted after the last ')'. */
    private static String self(long utime, long stime) {
        return "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 30 0 1000 1000000 500 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
    }

    /** {@code /proc/stat}'s first line: user nice system idle iowait irq softirq steal guest guest_nice. */
    private static String stat(long user, long system, long idle, long steal) {
        return "cpu  " + user + " 0 " + system + " " + idle + " 0 0 0 " + steal + " 0 0";
    }

    @Test
    void parsesTheMachineAndTheProcess() {
        CpuShare s = CpuShare.parse("cpu  955982 3 91845 85681 1440 7 1329 6695 0 0", self(300, 25));
        assertEquals(955982 + 3 + 91845 + 7 + 1329 + 6695, s.busyTicks());
        assertEquals(s.busyTicks() + 85681 + 1440, s.totalTicks());
        assertEquals(325, s.ownTicks());
    }

    @Test
    void unreadableSnapshotsAreNull() {
        assertNull(CpuShare.parse(null, self(1, 1)));
        assertNull(CpuShare.parse("cpu0 1 2 3 4 5 6 7 8", self(1, 1)), "a per-core line, not the total");
        assertNull(CpuShare.parse("cpu  1 2 3", self(1, 1)), "too few fields");
        assertNull(CpuShare.parse("cpu  1 2 3 4 5 6 7 x", self(1, 1)));
        assertNull(CpuShare.parse(stat(1, 1, 1, 0), "4242 java S 1"), "no command name in parentheses");
        assertNull(CpuShare.parse(stat(1, 1, 1, 0), "4242 (java) S 1 2 3"), "too few fields");
    }

    @Test
    void quietMachineKeepsEveryCore() {
        // 2 cores, 100 ms: 20 ticks, all of the busy ones ours
        CpuShare a = CpuShare.parse(stat(1000, 100, 5000, 0), self(500, 50));
        CpuShare b = CpuShare.parse(stat(1018, 101, 5001, 0), self(518, 51));
        double others = b.othersSince(a, 2);
        assertEquals(0, others, 1e-9);
        assertEquals(2, CpuShare.threadsFor(others, 2, 2, 1));
    }

    @Test
    void oneBusyCompetitorOnTwoCoresLeavesOneThread() {
        // 2 cores, 200 ms = 40 ticks: we ran 26, somebody else 13, 1 idle — the competitor's fair share
        CpuShare a = CpuShare.parse(stat(1000, 100, 5000, 0), self(500, 50));
        CpuShare b = CpuShare.parse(stat(1037, 102, 5001, 0), self(524, 52));
        double others = b.othersSince(a, 2);
        assertEquals(2 * 13 / 40.0, others, 1e-9);
        assertEquals(1, CpuShare.threadsFor(others, 2, 2, 2));
    }

    @Test
    void stealCountsAsTaken() {
        // a hypervisor that gives half of the machine's time to other guests: we used the rest
        CpuShare a = CpuShare.parse(stat(1000, 100, 5000, 300), self(500, 50));
        CpuShare b = CpuShare.parse(stat(1020, 100, 5000, 320), self(520, 50));
        assertEquals(1, b.othersSince(a, 2), 1e-9);
        assertEquals(1, CpuShare.threadsFor(b.othersSince(a, 2), 2, 2, 2));
    }

    @Test
    void tooShortAnIntervalKeepsTheLastChoice() {
        CpuShare a = CpuShare.parse(stat(1000, 100, 5000, 0), self(500, 50));
        CpuShare b = CpuShare.parse(stat(1010, 100, 5005, 0), self(500, 50)); // 15 ticks < MIN_TICKS
        assertTrue(Double.isNaN(b.othersSince(a, 2)));
        assertEquals(1, CpuShare.threadsFor(b.othersSince(a, 2), 2, 2, 1));
        assertEquals(2, CpuShare.threadsFor(Double.NaN, 2, 2, 2));
        // counters that went backwards (another snapshot order) say nothing either
        assertTrue(Double.isNaN(a.othersSince(b, 2)));
    }

    @Test
    void threadsAreOnePerFreeCoreWithinTheLimits() {
        assertEquals(8, CpuShare.threadsFor(0.0, 8, 8, 1));
        assertEquals(8, CpuShare.threadsFor(0.49, 8, 8, 1), "less than half a core taken: all of them");
        assertEquals(7, CpuShare.threadsFor(0.5, 8, 8, 8), "half a core taken counts as taken");
        assertEquals(5, CpuShare.threadsFor(2.6, 8, 8, 8));
        assertEquals(4, CpuShare.threadsFor(0.0, 8, 4, 1), "never above the limit");
        assertEquals(1, CpuShare.threadsFor(2.0, 2, 2, 2), "never below one");
        assertEquals(1, CpuShare.threadsFor(7.9, 8, 8, 8));
    }

    /** Our own threads' time (ours includes the JVM's GC and JIT) is never counted as someone else's. */
    @Test
    void ownTimeIsNotOthers() {
        CpuShare a = CpuShare.parse(stat(1000, 100, 5000, 0), self(500, 50));
        CpuShare b = CpuShare.parse(stat(1030, 110, 5000, 0), self(530, 60)); // all 40 ticks ours
        assertEquals(0, b.othersSince(a, 2), 1e-9);
        CpuShare c = CpuShare.parse(stat(1030, 110, 5000, 0), self(540, 60)); // more than the machine: clamp
        assertEquals(0, c.othersSince(a, 2), 1e-9);
    }
}
