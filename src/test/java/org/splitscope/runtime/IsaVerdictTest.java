package org.splitscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The known-answer check's verdict: the fastest exact level wins, wrong and crashed levels lose, and
 * a cached verdict is believed only when it is well formed and made for this machine and libtorch.
 */
class IsaVerdictTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    private static IsaVerdict verdict(IsaTrial... trials) {
        return new IsaVerdict(KEY, DAY, List.of(trials));
    }

    @Test
    void theFastestExactLevelWins() {
        IsaVerdict v = verdict(IsaTrial.measured("AVX", 2e-7, 140), IsaTrial.measured("AVX2", 3e-7, 101.5),
                IsaTrial.measured("AVX512_CORE", 3e-7, 108));
        assertEquals(Optional.of("AVX2"), v.chosen());
        assertEquals("AVX2: fastest exact of AVX, AVX2, AVX512_CORE; checked 2026-12-05", v.why());
    }

    /** A few forwards on a busy machine differ by a few per cent: that does not move the level off AVX2. */
    @Test
    void theDefaultStaysUnlessAnotherIsClearlyFaster() {
        IsaVerdict tie = verdict(IsaTrial.measured("AVX", 2e-7, 239.6), IsaTrial.measured("AVX2", 3e-7, 240.6),
                IsaTrial.measured("AVX512_CORE", 3e-7, 235));
        assertEquals(Optional.of("AVX2"), tie.chosen());
        assertEquals("AVX2: kept, within 5 % of the fastest exact of AVX, AVX2, AVX512_CORE; checked 2026-12-05", tie.why());
        IsaVerdict clear = verdict(IsaTrial.measured("AVX2", 3e-7, 240.6), IsaTrial.measured("AVX512_CORE", 3e-7, 200));
        assertEquals(Optional.of("AVX512_CORE"), clear.chosen());
        IsaVerdict noDefault = verdict(IsaTrial.measured("AVX", 2e-7, 300), IsaTrial.measured("AVX2", 0.05, 100),
                IsaTrial.measured("AVX512_CORE", 3e-7, 290));
        assertEquals(Optional.of("AVX512_CORE"), noDefault.chosen(), "AVX2 wrong: the fastest exact one");
    }

    @Test
    void aWrongOrCrashingLevelLosesHoweverFast() {
        IsaVerdict v = verdict(IsaTrial.measured("AVX", 2e-7, 140), IsaTrial.failed("AVX2"),
                IsaTrial.measured("AVX512_CORE", 0.05, 50), IsaTrial.measured("ALL", Double.NaN, 40));
        assertEquals(Optional.of("AVX"), v.chosen());
        assertEquals("AVX: fastest exact of AVX (AVX2 crashed, AVX512_CORE wrong, ALL wrong); checked 2026-12-05", v.why());
        assertEquals(IsaTrial.Outcome.WRONG, IsaTrial.measured("AVX2", 1.01e-4, 10).outcome(), "just over the tolerance");
        assertEquals(IsaTrial.Outcome.EXACT, IsaTrial.measured("AVX2", 1e-4, 10).outcome());
    }

    @Test
    void noExactLevelChoosesNothing() {
        IsaVerdict v = verdict(IsaTrial.failed("AVX"), IsaTrial.measured("AVX2", 0.2, 1));
        assertEquals(Optional.empty(), v.chosen());
        assertEquals("no level was exact (AVX crashed, AVX2 wrong); checked 2026-12-05", v.why());
    }

    @Test
    void aVerdictReadsBackAsWritten() {
        IsaVerdict v = verdict(IsaTrial.measured("AVX", 2.38419e-07, 258.08), IsaTrial.failed("AVX2"),
                IsaTrial.measured("ALL", 0.0521, Double.NaN));
        assertEquals(Optional.of(v), IsaVerdict.parse(v.format(), KEY));
        assertEquals(Optional.empty(), IsaVerdict.parse(v.format(), KEY.replace('0', '1')), "another machine's verdict");
    }

    /** Everything but the exact format is redone, never trusted: names, numbers, sizes, repeats, consistency. */
    @Test
    void aDamagedOrHostileCacheIsIgnored() {
        String good = verdict(IsaTrial.measured("AVX2", 3e-7, 101.5)).format();
        assertTrue(IsaVerdict.parse(good, KEY).isPresent());
        List<String> bad = List.of(
                "",
                good.replace("AVX2 exact", "AVX2;touch${IFS}/tmp/x exact"),   // not a known level
                good.replace("AVX2 exact", "avx2 exact"),
                good.replace("AVX2 exact", "AVX512_CORE_AMX exact"),         // a real oneDNN name, but not one we try
                good.replace("AVX2 exact", "AVX2\u001b[31m exact"),          // control characters
                good.replace("exact", "fast"),
                good.replace("101.50", "-1"),
                good.replace("101.50", "NaN"),
                good.replace("101.50", "Infinity"),
                good.replace("101.50", "0x1p3"),
                good.replace("101.50", "-"),                                  // exact needs a time
                good.replace("3.00000e-07", "0.05"),                          // exact, but over the tolerance
                good.replace("checked 2026-12-05", "checked yesterday"),
                good.replace("splitscope oneDNN ISA check 1", "splitscope oneDNN ISA check 0"),
                good + "trial AVX2 exact 3e-07 99.0\n",                       // a level twice
                good + "trial AVX wrong 0.05 -\nextra\n",
                good + "x".repeat(5000));
        for (String text : bad) {
            assertEquals(Optional.empty(), IsaVerdict.parse(text, KEY), text);
        }
        assertEquals(Optional.empty(), IsaVerdict.parse(null, KEY));
    }

    @Test
    void candidatesAreTheLevelsThisCpuHas() {
        IsaMachine avx2 = IsaMachine.fromCpuinfo("processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse avx avx2 fma\n\n"
                + "processor\t: 1\nflags\t\t: fpu avx avx2 avx512f avx512bw avx512vl avx512dq\n", "2.7.1 cpu");
        assertEquals("AMD EPYC", avx2.model());
        assertEquals(List.of("AVX", "AVX2"), avx2.candidates(), "only the first processor counts");
        String avx512 = "fpu avx avx2 avx512f avx512bw avx512vl avx512dq";
        assertEquals(List.of("AVX", "AVX2", "AVX512_CORE"), new IsaMachine("x", Set.of(avx512.split(" ")), "t").candidates());
        assertEquals(List.of("AVX", "AVX2", "AVX512_CORE", "ALL"),
                new IsaMachine("x", Set.of((avx512 + " avx512_vnni").split(" ")), "t").candidates(), "ALL adds VNNI");
        assertEquals(List.of(), new IsaMachine("x", Set.of("sse4_2"), "t").candidates());
        assertEquals(null, IsaMachine.fromCpuinfo("processor : 0\n", "t"), "no flags: no check");
    }

    @Test
    void theKeyNamesCpuFlagsAndLibtorch() {
        IsaMachine m = new IsaMachine("AMD EPYC", Set.of("avx", "avx2"), "2.7.1-20250812 cpu");
        assertEquals(m.key(), new IsaMachine("AMD EPYC", Set.of("avx2", "avx"), "2.7.1-20250812 cpu").key());
        assertFalse(m.key().equals(new IsaMachine("AMD EPYC", Set.of("avx", "avx2"), "2.5.1 cpu").key()));
        assertFalse(m.key().equals(new IsaMachine("AMD EPYC", Set.of("avx", "avx2", "avx512f"), "2.7.1-20250812 cpu").key()));
        assertFalse(m.key().equals(new IsaMachine("Intel Xeon", Set.of("avx", "avx2"), "2.7.1-20250812 cpu").key()));
        assertTrue(m.key().matches("[0-9a-f]{32}"));
    }
}
