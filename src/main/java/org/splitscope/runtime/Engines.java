package org.splitscope.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.splitscope.SplitScopeException;

/**
 * Starts DJL's PyTorch engine the way SplitScope needs it: telemetry off and offline (nothing is
 * ever fetched at run time; the natives come from the jars on the class path), a fixed thread count.
 * Call {@link #configure(int)} before anything touches DJL.
 */
public final class Engines {
    private Engines() {}

    /**
     * @param threads intra-op threads; 0: adapted before every forward to the cores other processes leave
     *     free (see {@link IntraOpThreads}; {@code SPLITSCOPE_THREADS=fixed}: one per core, always). The last non-zero
     *     value before the engine loads counts.
     */
    public static synchronized void configure(int threads) {
        offline();
        Allocator.keepFreedMemory();
        CpuKernels.apply(); // the oneDNN level: the kernel check's verdict, or the safe default meanwhile
        // libtorch's own log lines below ERROR are noise on a user's terminal; TORCH_CPP_LOG_LEVEL=WARNING
        // brings them back. (NNPACK's "Could not initialize NNPACK!" is a c10 warning, not a log line:
        // Nnpack turns NNPACK off instead.)
        NativeEnvironment.setDefault("TORCH_CPP_LOG_LEVEL", "ERROR");
        if (threads > 0) {
            requested = threads;
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /**
     * The part of {@link #configure(int)} that must precede anything touching DJL: telemetry off,
     * offline, and DJL's cache in a folder only this user controls. Cheap (no native calls): the window
     * calls only this on its critical path and leaves the rest (libc through JNA, the oneDNN level) to
     * its model thread, which does it in {@link #pytorch()} just before libtorch loads.
     */
    public static synchronized void offline() {
        // DJL's engine start reports usage to an outside address unless this is set.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
        // DJL unpacks the PyTorch natives into ~/.djl.ai: a user without a writable home gets another place.
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            java.nio.file.Path dir = org.splitscope.io.UserDirs.writable(".djl.ai");
            if (!dir.equals(java.nio.file.Path.of(System.getProperty("user.home"), ".djl.ai"))) {
                System.setProperty("DJL_CACHE_DIR", dir.toString());
            }
        }
    }

    private static int requested;
    private static boolean settled;

    /** The thread count and OpenMP wait, decided once, just before the engine loads. */
    static synchronized void settleThreads() {
        if (settled) {
            return;
        }
        settled = true;
        // libtorch's GNU OpenMP threads spin while they wait for work; when another process takes a
        // core, two spinning threads steal it from each other and a forward takes twice as long. So by
        // default each forward gets one intra-op thread per core that other processes left free
        // (IntraOpThreads), keeping OpenMP's spin-then-sleep wait: fast on a quiet machine, and never a
        // spinning thread waiting on a descheduled partner under one busy competitor (measured against
        // PyTorch on both in README, Speed). SPLITSCOPE_THREADS=fixed (or --threads N) keeps the count
        // fixed and lets the threads sleep while they wait, better on a machine loaded far beyond its cores.
        int cores = Runtime.getRuntime().availableProcessors();
        // A count the user set for OpenMP (OMP_NUM_THREADS, as a Slurm script does) is kept as well.
        if (requested == 0 && !FIXED.equalsIgnoreCase(System.getenv("SPLITSCOPE_THREADS"))
                && System.getenv("OMP_NUM_THREADS") == null && IntraOpThreads.adaptUpTo(cores)) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(cores));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        } else {
            NativeEnvironment.setDefault("OMP_WAIT_POLICY", "PASSIVE");
            IntraOpThreads.adaptUpTo(1);
        }
    }

    /** The value of {@code SPLITSCOPE_THREADS} that turns {@link IntraOpThreads} off (the default is adaptive). */
    static final String FIXED = "fixed";

    /** Starts the oneDNN kernel check in the background if this machine has no verdict yet. */
    public static void checkKernelsIfDue() {
        configure(0); // the verdict (or its absence) is known once the level is decided
        CpuKernels.checkIfDue();
    }

    /** The oneDNN instruction set the convolutions run with and why (see {@link CpuKernels}). */
    public static String cpuKernels() {
        return CpuKernels.describe();
    }

    /** The oneDNN instruction set alone: {@code ONEDNN_MAX_CPU_ISA} as native code sees it, or "default". */
    public static String onednnIsa() {
        return CpuKernels.isa();
    }

    /** How libtorch's OpenMP threads wait: the user's choice, PASSIVE, or the default with adaptive threads. */
    public static String ompWaitPolicy() {
        String policy = NativeEnvironment.get("OMP_WAIT_POLICY");
        String spin = NativeEnvironment.get("GOMP_SPINCOUNT");
        return policy != null ? policy : "default (spin, then sleep" + (spin != null ? "; GOMP_SPINCOUNT=" + spin : "") + ")";
    }

    /** Intra-op threads: "adaptive, 1-N (…)" or "fixed". */
    public static String intraOpThreads() {
        return IntraOpThreads.describe();
    }

    public static Engine pytorch() {
        java.util.concurrent.FutureTask<Engine> early = background;
        if (early != null) {
            early.run(); // nothing if the background thread has started it: then this waits for it below
            try {
                return early.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // the same failure, on the caller's thread, as if it had loaded the engine itself
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                if (e.getCause() instanceof Error) {
                    throw (Error) e.getCause();
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return load();
    }

    private static Engine load() {
        configure(0);
        settleThreads();
        Engine engine = Engine.getEngine("PyTorch");
        Nnpack.disable();
        StartupClock.mark("engine loaded");
        return engine;
    }

    private static volatile java.util.concurrent.FutureTask<Engine> background;
    private static final java.util.concurrent.CountDownLatch LOGGING = new java.util.concurrent.CountDownLatch(1);

    /**
     * Call before configuring logging while the engine may be loading in the background: SLF4J must
     * not be initialised by two threads at once (the second gets a stand-in factory, not Logback's,
     * for that moment), so this waits until the background thread has done it. Nothing otherwise.
     */
    public static void awaitLogging() {
        if (background == null) {
            return;
        }
        try {
            LOGGING.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts what {@link #pytorch()} does (JNA and libc, the oneDNN level, libtorch's 0.5 s of
     * dlopen) on a thread of its own, for a CLI command that will certainly need the engine and asks
     * nothing of it (no thread count) before it does: that work then overlaps the parsing of the
     * arguments, the logging set-up and the reading of the model's files on the main thread. The
     * first {@link #pytorch()} waits for it and returns its engine, or throws its failure. Call after
     * {@link #offline()}; once per process (later calls do nothing).
     */
    public static synchronized void loadInBackground() {
        if (background != null) {
            return;
        }
        java.util.concurrent.FutureTask<Engine> task = new java.util.concurrent.FutureTask<>(() -> {
            try {
                org.slf4j.LoggerFactory.getILoggerFactory(); // DJL's first class does it anyway; see awaitLogging
            } finally {
                LOGGING.countDown();
            }
            return load();
        });
        Thread thread = new Thread(task, "splitscope-engine-load");
        thread.setDaemon(true); // a command that fails on its arguments exits without waiting for it
        thread.start();
        background = task; // only once it runs: awaitLogging waits for it
    }

    /** A PyTorch base manager on {@code device}, with the engine set up as {@link #pytorch()} does. */
    public static ai.djl.ndarray.NDManager manager(Device device) {
        pytorch();
        return ai.djl.ndarray.NDManager.newBaseManager(device, "PyTorch");
    }

    /** {@code auto}: the first GPU if the engine sees one, else the CPU. */
    public static Device device(String choice) throws SplitScopeException {
        Engine engine = pytorch();
        switch (choice.toLowerCase(Locale.ROOT)) {
            case "auto":
                return engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (engine.getGpuCount() == 0) {
                    throw new SplitScopeException(
                            "--device gpu: no GPU visible to the PyTorch engine (build with -Pcuda and CUDA 12.4 drivers)");
                }
                return Device.gpu();
            default:
                throw new SplitScopeException("--device: expected auto, cpu or gpu, got '" + choice + "'");
        }
    }
}
