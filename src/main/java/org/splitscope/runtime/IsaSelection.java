package org.splitscope.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the known-answer check (org.splitscope.capture.IsaCheck) once per candidate level, each in a child process of
 * this JVM's own {@code java} and class path, and caches the {@link IsaVerdict} in the user's
 * SplitScope folder, one file per {@link IsaMachine#key()}. A child that crashes, hangs or answers
 * nonsense makes its level lose; nothing else it prints is kept.
 *
 * <p>{@link #main} is the background run that the first start on a new machine or libtorch
 * launches ({@link CpuKernels}): it waits a little so the start it came from is not slowed, takes
 * a lock so two starts do not check at once, and exits quietly.
 */
public final class IsaSelection {
    /** The environment variable that turns the check off (the tests set it: they run on the safe default). */
    static final String SWITCH = "SPLITSCOPE_KERNEL_CHECK";
    private static final long CHILD_TIMEOUT_S = 300;
    private static boolean launched;

    private IsaSelection() {}

    /** Whether the user turned the check off ({@code SPLITSCOPE_KERNEL_CHECK=off}). */
    static boolean switchedOff() {
        return "off".equalsIgnoreCase(System.getenv(SWITCH));
    }

    /** The verdict cached for {@code machine}, if there is a well-formed one made for it. */
    static Optional<IsaVerdict> cached(IsaMachine machine) {
        Path file = cacheFile(machine);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 4096) {
                return Optional.empty();
            }
            // and it must have tried exactly the levels this CPU has, no more
            return IsaVerdict.parse(Files.readString(file, StandardCharsets.UTF_8), machine.key())
                    .filter(v -> v.trials().stream().map(IsaTrial::isa).toList().equals(machine.candidates()));
        } catch (IOException | RuntimeException e) { // unreadable or not UTF-8: redo
            return Optional.empty();
        }
    }

    static Path cacheFile(IsaMachine machine) {
        String chosen = System.getProperty("splitscope.cache");
        Path dir = chosen != null && !chosen.isBlank() ? Path.of(chosen)
                : org.splitscope.io.UserDirs.writable(".splitscope");
        return dir.resolve("onednn-isa-" + machine.key() + ".txt");
    }

    /**
     * Tries every candidate level, caches and returns the verdict: each level's child checks its
     * forward, then the exact ones time one forward each in turn, {@code rounds} times after one
     * untimed round, so a change of load hits every level alike.
     *
     * @param preset the network whose forwards are timed ({@code none}: the check model)
     * @param progress told each level's result as it comes
     */
    public static IsaVerdict run(IsaMachine machine, String preset, int rounds, Consumer<IsaTrial> progress)
            throws IOException {
        List<IsaTrial> trials = check(machine.candidates(), isa -> javaCommand(IsaChild.CHECK_MAIN, preset), rounds);
        trials.forEach(progress);
        IsaVerdict verdict = new IsaVerdict(machine.key(), LocalDate.now(ZoneOffset.UTC), trials);
        write(cacheFile(machine), verdict.format());
        return verdict;
    }

    /**
     * Runs the check now, in the foreground ({@code info --kernels}), and caches the verdict.
     *
     * @param progress told what is being tried, then each level's result, in words
     * @return the verdict's reason ("AVX2: fastest exact of AVX, AVX2; checked 2026-12-05"), or why there is
     *     nothing to check here
     * @throws org.splitscope.SplitScopeException where its verdict cannot be kept
     */
    public static String runNow(Consumer<String> progress) throws org.splitscope.SplitScopeException {
        IsaMachine machine = IsaMachine.current();
        if (machine == null) {
            return "AVX2 (the safe default; the kernel check runs on Linux x86-64 only)";
        }
        if (!CpuKernels.cacheSizesVisible()) {
            return "AVX (the CPU's cache sizes are hidden, where oneDNN's AVX2 kernels die with SIGFPE): nothing to check";
        }
        progress.accept("trying " + String.join(", ", machine.candidates()) + " (a child process each; about half a minute)");
        try (FileChannel channel = FileChannel.open(lockFile(machine), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) { // a background check under way: after it
            IsaVerdict verdict = run(machine, "resnest50d", 5,
                    t -> progress.accept(String.format(java.util.Locale.ROOT, "%-12s %s", t.isa(), t.describe())));
            return verdict.why();
        } catch (IOException | RuntimeException e) {
            throw new org.splitscope.SplitScopeException("cannot keep the kernel check's verdict: " + e.getMessage());
        }
    }

    /**
     * The trials for {@code levels}, in that order (nothing cached).
     *
     * @param command the child's command line for a level (the tests give one that crashes)
     */
    static List<IsaTrial> check(List<String> levels, java.util.function.Function<String, List<String>> command, int rounds) {
        List<IsaChild> children = new ArrayList<>();
        java.util.Map<String, IsaTrial> done = new java.util.HashMap<>();
        java.util.Map<IsaChild, Double> diffs = new java.util.LinkedHashMap<>();
        try {
            for (String isa : levels) {
                try {
                    children.add(IsaChild.start(isa, command.apply(isa)));
                } catch (IOException e) {
                    done.put(isa, IsaTrial.failed(isa));
                }
            }
            for (IsaChild child : children) {
                Double diff = number(child.await("diff", CHILD_TIMEOUT_S));
                if (diff == null) {
                    done.put(child.isa(), IsaTrial.failed(child.isa())); // crashed (SIGFPE), hung, or said nonsense
                } else if (!(diff <= IsaTrial.TOLERANCE) || child.await("ready", CHILD_TIMEOUT_S) == null) {
                    done.put(child.isa(), Double.isNaN(diff) || diff > IsaTrial.TOLERANCE
                            ? IsaTrial.measured(child.isa(), diff, Double.NaN) : IsaTrial.failed(child.isa()));
                } else {
                    diffs.put(child, diff);
                }
            }
            java.util.Map<IsaChild, double[]> times = new java.util.HashMap<>();
            diffs.keySet().forEach(c -> times.put(c, new double[rounds]));
            for (int round = -1; round < rounds; round++) {
                for (IsaChild child : List.copyOf(diffs.keySet())) {
                    Double ms = child.ask("time") ? number(child.await("ms", CHILD_TIMEOUT_S)) : null;
                    if (ms == null || !(ms > 0)) { // also NaN
                        done.put(child.isa(), IsaTrial.failed(child.isa()));
                        diffs.remove(child);
                    } else if (round >= 0) {
                        times.get(child)[round] = ms;
                    }
                }
            }
            diffs.forEach((child, diff) -> done.put(child.isa(),
                    IsaTrial.measured(child.isa(), diff, Timing.median(times.get(child)))));
        } finally {
            children.forEach(IsaChild::close);
        }
        return levels.stream().map(done::get).toList();
    }

    /** A number a child printed: NaN (a NaN output: wrong), or finite and not negative; else null. */
    static Double number(String text) {
        if (text == null || text.length() > 30) {
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isNaN(v) || (v >= 0 && v < 1e7) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** This JVM's java and class path running {@code mainClass}. */
    static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String cache = System.getProperty("splitscope.cache");
        if (cache != null) {
            command.add("-Dsplitscope.cache=" + cache);
        }
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".onednn-isa", ".part");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Held while a check runs, so that two processes never check (and time) at once. */
    private static Path lockFile(IsaMachine machine) throws IOException {
        Path file = cacheFile(machine);
        Files.createDirectories(file.getParent());
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /** Starts {@link #main} as a separate process, at most once per process; its output goes nowhere. */
    static synchronized void startInBackground() {
        if (launched) {
            return;
        }
        launched = true;
        try {
            ProcessBuilder pb = new ProcessBuilder(javaCommand(IsaSelection.class.getName()));
            pb.environment().put(SWITCH, "off");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.start().getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            // no check this time: the safe default stays, and the next start tries again
        }
    }

    /** The background run: after a pause, checks unless another process is checking or has checked. */
    public static void main(String[] args) throws Exception {
        IsaMachine machine = IsaMachine.current();
        if (machine == null || !CpuKernels.cacheSizesVisible()) {
            return;
        }
        Thread.sleep(args.length > 0 ? Long.parseLong(args[0]) : 15_000); // let the start it came from finish
        Path lockFile = lockFile(machine);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null || cached(machine).isPresent()) {
                return;
            }
            run(machine, "resnest50d", 5, trial -> {});
        }
        System.exit(0);
    }
}
