package org.splitscope.runtime;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns libtorch's NNPACK convolutions off. On CPUs NNPACK does not recognise (this project's AMD
 * EPYC virtual machines), libtorch asks whether NNPACK is available for every convolution that
 * oneDNN does not take and prints "Could not initialize NNPACK! Reason: Unsupported hardware" each
 * time — a hundred lines per forward on a user's terminal, which no log level silences. With NNPACK
 * off by the user switch ({@code torch.backends.nnpack.enabled = False} in Python), libtorch never
 * asks. NNPACK is libtorch's last choice on a CPU after oneDNN; the parity tests run with it off.
 * DJL has no call for it, so this calls {@code at::globalContext().setUserEnabledNNPACK(false)}
 * in the loaded libtorch_cpu directly; where that is not possible, nothing changes.
 */
final class Nnpack {
    private static boolean done;

    private Nnpack() {}

    /** After the engine has loaded libtorch; once per process. */
    static synchronized void disable() {
        if (done) {
            return;
        }
        done = true;
        Path library = loadedLibtorchCpu();
        if (library == null) {
            return;
        }
        try {
            NativeLibrary torch = NativeLibrary.getInstance(library.toString());
            Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
            torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {context, 0});
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // another libtorch build without these symbols: keep its default
        }
    }

    /** The libtorch_cpu this process has mapped (Linux), else null. */
    private static Path loadedLibtorchCpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int at = line.indexOf('/');
                if (at >= 0 && line.endsWith("/libtorch_cpu.so")) {
                    return Path.of(line.substring(at));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc
        }
        return null;
    }
}
