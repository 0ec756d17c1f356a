package org.splitscope.engine;

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

    /** @param threads intra-op threads; 0 keeps DJL's default (all cores). */
    public static synchronized void configure(int threads) {
        // DJL's engine start reports usage to an outside address unless this is set.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
        Allocator.keepFreedMemory();
        // DJL unpacks the PyTorch natives into ~/.djl.ai: a user without a writable home gets another place.
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            java.nio.file.Path dir = org.splitscope.io.UserDirs.writable(".djl.ai");
            if (!dir.equals(java.nio.file.Path.of(System.getProperty("user.home"), ".djl.ai"))) {
                System.setProperty("DJL_CACHE_DIR", dir.toString());
            }
        }
        NativeEnvironment.setDefault("ONEDNN_MAX_CPU_ISA", CpuKernels.safeIsa());
        // libtorch's GNU OpenMP threads spin while waiting for work; on a desktop, where another
        // process always wants a core, the spinning threads steal it from each other and a forward
        // takes twice as long (ResNeSt-50 with one busy competitor: 319 ms spinning, 159 ms passive).
        // Passive waiting sleeps instead; quiet it costs about 10 % (89 → 103 ms), within the noise.
        NativeEnvironment.setDefault("OMP_WAIT_POLICY", "PASSIVE");
        // libtorch's own log lines below ERROR are noise on a user's terminal; TORCH_CPP_LOG_LEVEL=WARNING
        // brings them back. (NNPACK's "Could not initialize NNPACK!" is a c10 warning, not a log line:
        // Nnpack turns NNPACK off instead.)
        NativeEnvironment.setDefault("TORCH_CPP_LOG_LEVEL", "ERROR");
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /** The oneDNN instruction set the convolutions run with (see {@link CpuKernels}). */
    public static String cpuKernels() {
        return CpuKernels.describe();
    }

    /** How libtorch's OpenMP threads wait (PASSIVE unless the user chose otherwise). */
    public static String ompWaitPolicy() {
        String policy = NativeEnvironment.get("OMP_WAIT_POLICY");
        return policy == null ? "default" : policy;
    }

    public static Engine pytorch() {
        configure(0);
        Engine engine = Engine.getEngine("PyTorch");
        Nnpack.disable();
        return engine;
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
