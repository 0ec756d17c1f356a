package org.splitscope.capture;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.splitscope.SplitScopeException;
import org.splitscope.engine.LoadedModel;
import org.splitscope.input.Sample;
import org.splitscope.model.CaptureSink;
import org.splitscope.model.ForwardingSink;

/**
 * One forward that records, besides every block's attention and GAP, one block's split maps and its
 * internals (X, fc1's output, fc2's logits): what the walkthrough of that block draws. A separate
 * forward, so the plain capture never pays for it.
 */
public final class InternalsCapture {
    private InternalsCapture() {}

    /** The capture (with {@code block}'s split maps) and {@code block}'s internals. */
    public record Result(CaptureResult capture, BlockInternals internals) {
        public BlockCapture block() {
            return capture.block(internals.name());
        }
    }

    public static Result run(LoadedModel model, Sample sample, String block, BooleanSupplier cancelled,
            Interventions interventions) throws SplitScopeException {
        Recorder recorder = new Recorder(Set.of(block), cancelled);
        Internals internals = new Internals(recorder, block);
        try (NDManager forward = model.manager().newSubManager()) {
            NDArray input = CaptureService.batch(model, List.of(sample), forward);
            long start = System.nanoTime();
            NDArray logits = model.network().forward(input, interventions.around(internals));
            float[] hostLogits = logits.toFloatArray();
            long forwardEnd = System.nanoTime();
            List<BlockCapture> blocks = recorder.toHost(model.network().blocks());
            if (internals.input == null) {
                throw new SplitScopeException("no block with attention " + block + " in " + model.name());
            }
            BlockInternals inner = new BlockInternals(block, internals.input.getShape().getShape(),
                    internals.input.toFloatArray(), internals.hidden.toFloatArray(), internals.logits.toFloatArray());
            long end = System.nanoTime();
            CaptureResult result = new CaptureResult(1, model.config().numClasses(), hostLogits, blocks,
                    (forwardEnd - start) / 1e6, (end - forwardEnd) / 1e6);
            return new Result(result, inner);
        } finally {
            recorder.close();
        }
    }

    /** The recorder, plus the one block's internals (kept in the forward's manager until it closes). */
    private static final class Internals extends ForwardingSink {
        private final String block;
        NDArray input;
        NDArray hidden;
        NDArray logits;

        Internals(Recorder recorder, String block) {
            super(recorder);
            this.block = block;
        }

        @Override
        public boolean wantsInternals(String name) {
            return block.equals(name);
        }

        @Override
        public void internals(String name, NDArray x, NDArray z, NDArray fc2) {
            input = CaptureSink.keep(x);
            hidden = CaptureSink.keep(z);
            logits = CaptureSink.keep(fc2);
        }
    }
}
