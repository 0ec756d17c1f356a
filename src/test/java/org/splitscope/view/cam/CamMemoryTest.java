package org.splitscope.view.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.SplitScopeException;
import org.splitscope.NativeGrowth;
import org.splitscope.TestSupport;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;

/**
 * Nothing is retained between maps: the forward up to the cut, the leaf, the graph, the gradient.
 * Measured as CaptureMemoryTest does ({@link NativeGrowth}: process RSS less the JVM's committed memory,
 * the smaller growth of two halves).
 */
class CamMemoryTest {
    /** A leaked forward and backward cost hundreds of kB per map on this model; allocator noise is far below. */
    private static final double MAX_KB_PER_MAP = 8;
    private static final int WARM_UP = 150;
    private static final int MAPS = 240;

    @Test
    void mapsLeaveNothingBehind() throws Exception {
        TestSupport.manager().close(); // engine configured as the program does it
        Path file = TestSupport.resource("cam/r2k1.safetensors");
        try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(file, null, false, null, Device.cpu()))) {
            List<Sample> samples = Samples.load(TestSupport.resource("cam/r2k1.input.npy"), model.preprocessing());
            // Both kinds of cut, all methods: V (head/tail of a block) and a block's output.
            NativeGrowth.repeat(WARM_UP, i -> run(model, samples, i));
            int arrays = model.manager().getManagedArrays().size();
            double perMap = NativeGrowth.perStep(MAPS, i -> run(model, samples, i));
            assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays left attached to the model");
            assertTrue(perMap < MAX_KB_PER_MAP, "native memory grew by " + perMap + " kB per map");
            System.out.printf("CamMemoryTest: %.2f kB per map%n", perMap);
        }
    }

    private static void run(LoadedModel model, List<Sample> samples, int i) throws SplitScopeException {
        String target = i % 2 == 0 ? "layer2.0.conv2" : "layer2.1";
        CamMethod method = CamMethod.values()[i % 3];
        CamResult result = CamService.compute(model, samples, target, ClassChoice.TOP, method);
        assertEquals(samples.size(), result.batch());
    }
}
