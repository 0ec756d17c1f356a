package org.splitscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The known-answer check for real: a child JVM runs the shipped check model under one oneDNN level
 * and matches PyTorch; a child that dies of SIGFPE loses its level; the cached verdict decides the
 * level of the next start, and a damaged cache file is redone, not believed.
 */
class IsaCheckTest {
    @Test
    void aChildRunsTheKnownAnswerCheckAndMatchesPyTorch() {
        assumeTrue(IsaMachine.current() != null && IsaMachine.current().candidates().contains("AVX2")
                && CpuKernels.cacheSizesVisible(), "needs Linux x86-64 with AVX2 and visible cache sizes");
        List<IsaTrial> trials = IsaSelection.check(List.of("AVX2"),
                isa -> IsaSelection.javaCommand(org.splitscope.capture.IsaCheck.class.getName(), "none"), 2);
        assertEquals(1, trials.size());
        IsaTrial avx2 = trials.get(0);
        assertEquals(IsaTrial.Outcome.EXACT, avx2.outcome(), avx2.describe());
        assertTrue(avx2.relDiff() <= 1e-4 && avx2.ms() > 0, avx2.format());
    }

    @Test
    void aCrashingChildLoses() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        // the first level's child dies as oneDNN's AVX2 kernels do where cache sizes are hidden; the
        // second answers in the check's own words, the third says nothing useful
        List<IsaTrial> trials = IsaSelection.check(List.of("AVX2", "AVX", "ALL"), isa -> switch (isa) {
            case "AVX2" -> List.of("/bin/sh", "-c", "kill -FPE $$");
            case "AVX" -> List.of("/bin/sh", "-c", "echo 'kernel-check diff 2e-07'; echo 'kernel-check ready';"
                    + " while read line; do echo 'kernel-check ms 12.5'; done");
            default -> List.of("/bin/sh", "-c", "echo 'kernel-check diff lots'");
        }, 3);
        assertEquals(List.of(IsaTrial.failed("AVX2"), IsaTrial.measured("AVX", 2e-7, 12.5), IsaTrial.failed("ALL")),
                List.of(trials.get(0), trials.get(1), trials.get(2)).stream()
                        .map(t -> t.outcome() == IsaTrial.Outcome.FAILED ? IsaTrial.failed(t.isa()) : t).toList());
        assertEquals("AVX", new IsaVerdict("k", LocalDate.now(), trials).chosen().orElseThrow());
    }

    /** What a child prints is parsed, never trusted: a negative or endless number is no answer. */
    @Test
    void aChildsNumbersAreChecked() {
        assertEquals(2e-7, IsaSelection.number("2e-07"));
        assertTrue(Double.isNaN(IsaSelection.number("NaN")), "a NaN output: the level is wrong");
        for (String bad : new String[] {null, "-1", "Infinity", "-Infinity", "1e400", "lots", "1".repeat(40)}) {
            assertEquals(null, IsaSelection.number(bad), bad);
        }
    }

    @Test
    void theCachedVerdictDecidesAndADamagedOneIsRedone() throws Exception {
        IsaMachine machine = new IsaMachine("test CPU " + System.nanoTime(), Set.of("avx", "avx2"), "test libtorch");
        Path file = IsaSelection.cacheFile(machine);
        Files.createDirectories(file.getParent());
        try {
            assertEquals(CpuKernels.PENDING, CpuKernels.decide(true, false, machine), "no verdict yet: the safe default");
            IsaVerdict verdict = new IsaVerdict(machine.key(), LocalDate.of(2026, 12, 5),
                    List.of(IsaTrial.measured("AVX", 2e-7, 140), IsaTrial.measured("AVX2", 3e-7, 101)));
            Files.writeString(file, verdict.format());
            assertEquals(new CpuKernels.Choice("AVX2", "AVX2: fastest exact of AVX, AVX2; checked 2026-12-05"),
                    CpuKernels.decide(true, false, machine));
            assertEquals("AVX", CpuKernels.decide(false, false, machine).isa(), "hidden cache sizes: AVX whatever the verdict");
            assertEquals("AVX2", CpuKernels.decide(true, true, machine).isa());
            Files.writeString(file, verdict.format().replace("AVX2 exact", "ALL exact"));
            assertEquals(CpuKernels.PENDING, CpuKernels.decide(true, false, machine), "a level the check never tried");
            Files.writeString(file, verdict.format().replace("AVX2 exact 3.00000e-07 101.00", "AVX2 wrong 0.05 -"));
            assertEquals(new CpuKernels.Choice("AVX", "AVX: fastest exact of AVX (AVX2 wrong); checked 2026-12-05"),
                    CpuKernels.decide(true, false, machine));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
