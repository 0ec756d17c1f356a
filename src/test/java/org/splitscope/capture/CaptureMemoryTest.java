package org.splitscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitscope.TestSupport;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;
import org.splitscope.input.Sample;
import org.splitscope.input.Samples;

/** Nothing is retained between captures: 10,000 in a row leave the process's memory where it was. */
class CaptureMemoryTest {

    @Test
    void tenThousandCapturesDoNotGrowMemory() throws Exception {
        TestSupport.manager().close(); // engine configured as the program does it
        Path file = TestSupport.resource("parity/r2k1.safetensors");
        try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(file, null, false, null, Device.cpu()))) {
            List<Sample> samples = Samples.load(TestSupport.resource("parity/r2k1.input.npy"), model.preprocessing());
            Set<String> withSplits = Set.of("layer2.0"); // the optional maps must be freed too
            for (int i = 0; i < 1_000; i++) {
                CaptureService.capture(model, samples, withSplits);
            }
            int arrays = model.manager().getManagedArrays().size();
            long before = nativeKb();
            for (int i = 0; i < 10_000; i++) {
                CaptureService.capture(model, samples, withSplits);
            }
            long grown = nativeKb() - before;
            assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays left attached to the model");
            // A leaked forward would cost hundreds of kB per capture here (GBs in all); allow allocator noise.
            assertTrue(grown < 64 * 1024, "native memory grew by " + grown + " kB over 10,000 captures");
        }
    }

    /**
     * PyTorch's memory is invisible to the Java heap, so measure the process (VmRSS) less what the
     * JVM itself has committed, which grows with Java garbage and is no leak.
     */
    private static long nativeKb() throws Exception {
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long jvm = memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) - jvm / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
