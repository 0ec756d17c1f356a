package org.splitscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.splitscope.NativeGrowth;
import org.splitscope.TestSupport;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;

/**
 * Nothing is retained between captures. The default run measures the growth per capture over a
 * thousand; the soak (10,000, about a minute quiet and many on a busy machine) runs with {@code -Psoak}.
 */
class CaptureMemoryTest {
    /** A leaked forward costs hundreds of kB per capture on this model; allocator noise is far below. */
    private static final double MAX_KB_PER_CAPTURE = 8;

    @Test
    void capturesLeaveNothingBehind() throws Exception {
        assertNoGrowth(1_000);
    }

    @Test
    @Tag("soak")
    void tenThousandCapturesDoNotGrowMemory() throws Exception {
        assertNoGrowth(10_000);
    }

    @Test
    void aCaptureStoppedMidwayFreesWhatItHeld() throws Exception {
        TestSupport.manager().close();
        try (LoadedModel model = load()) {
            List<Sample> samples = Samples.load(TestSupport.resource("parity/r2k1.input.npy"), model.preprocessing());
            int arrays = model.manager().getManagedArrays().size();
            assertThrows(CancellationException.class,
                    () -> CaptureService.capture(model, samples, Set.of("layer2.0"), () -> true));
            assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays left attached to the model");
        }
    }

    private static LoadedModel load() throws Exception {
        Path file = TestSupport.resource("parity/r2k1.safetensors");
        return ModelLoader.load(new ModelLoader.Request(file, null, false, null, Device.cpu()));
    }

    private static void assertNoGrowth(int captures) throws Exception {
        TestSupport.manager().close(); // engine configured as the program does it
        try (LoadedModel model = load()) {
            List<Sample> samples = Samples.load(TestSupport.resource("parity/r2k1.input.npy"), model.preprocessing());
            Set<String> withSplits = Set.of("layer2.0"); // the optional maps must be freed too
            // Allocator warm-up: freed memory is kept for reuse (Allocator), so RSS climbs until the
            // heap of freed buffers covers a forward; a few hundred captures are not enough for that.
            NativeGrowth.Step capture = i -> CaptureService.capture(model, samples, withSplits);
            NativeGrowth.repeat(1_000, capture);
            int arrays = model.manager().getManagedArrays().size();
            double perCapture = NativeGrowth.perStep(captures, capture);
            assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays left attached to the model");
            assertTrue(perCapture < MAX_KB_PER_CAPTURE, "native memory grew by " + perCapture + " kB per capture");
        }
    }
}
