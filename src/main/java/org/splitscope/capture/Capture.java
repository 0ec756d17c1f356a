package org.splitscope.capture;

import ai.djl.ndarray.NDArray;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.splitscope.model.CaptureSink;
import org.splitscope.model.ResNeSt;

/** Runs a network once over a batch and brings back its logits and every block's attention and GAP. */
public final class Capture {
    private Capture() {}

    /**
     * @param input [N, C, H, W] on the network's device, owned by the caller
     * @param splitBlocks blocks whose per-split maps U_r and fused output V are also wanted
     */
    public static CaptureResult run(ResNeSt network, NDArray input, Set<String> splitBlocks) {
        return run(network, input, splitBlocks, () -> false);
    }

    /** @param cancelled asked after each block; true ends the forward with a CancellationException */
    public static CaptureResult run(ResNeSt network, NDArray input, Set<String> splitBlocks, BooleanSupplier cancelled) {
        return run(network, input, splitBlocks, cancelled, Interventions.NONE);
    }

    /** @param interventions attention forced in some blocks; what is recorded is the attention used */
    public static CaptureResult run(ResNeSt network, NDArray input, Set<String> splitBlocks, BooleanSupplier cancelled,
            Interventions interventions) {
        Recorder recorder = new Recorder(splitBlocks, cancelled);
        try {
            long start = System.nanoTime();
            NDArray logits = network.forward(input, interventions.around(recorder));
            float[] hostLogits = logits.toFloatArray(); // waits for the device: the forward ends here
            long forwardEnd = System.nanoTime();
            var blocks = recorder.toHost(network.blocks());
            long end = System.nanoTime();
            int batch = (int) input.getShape().get(0);
            logits.close();
            return new CaptureResult(batch, network.config().numClasses(), hostLogits, blocks,
                    (forwardEnd - start) / 1e6, (end - forwardEnd) / 1e6);
        } finally {
            recorder.close();
        }
    }

    /** A plain forward: logits only, nothing recorded. */
    public static float[] logits(ResNeSt network, NDArray input) {
        return logits(network, input, Interventions.NONE);
    }

    /** A forward with attention forced in some blocks: logits only. */
    public static float[] logits(ResNeSt network, NDArray input, Interventions interventions) {
        try (NDArray logits = network.forward(input, interventions.around(CaptureSink.NONE))) {
            return logits.toFloatArray();
        }
    }
}
