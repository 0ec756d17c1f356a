package org.splitscope.view.dataset;

import org.splitscope.batch.DatasetInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.app.TestModels;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.ModelLoader;

/**
 * analyze keeps nothing per image: the Java heap left after a collection does not grow between a
 * third of the way and the end of 1,200 images (the peak RSS of 2,000 against 20,000 images is in
 * the README).
 */
class AnalyzeMemoryTest {
    @TempDir
    Path temp;

    @Test
    void theHeapDoesNotGrowWithTheNumberOfImages() throws Exception {
        Path root = temp.resolve("folder");
        List<Path> samples;
        try (var files = Files.list(Path.of("resources/samples/fashion-mnist"))) {
            samples = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        int images = 1_200;
        for (int i = 0; i < images; i++) { // links: many inputs without writing many files
            Path sample = samples.get(i % samples.size()).toAbsolutePath();
            Path group = Files.createDirectories(root.resolve("group-" + (i % 3)));
            Files.createSymbolicLink(group.resolve(String.format("%05d.png", i)), sample);
        }
        List<DatasetInput.Item> items = DatasetInput.list(root, "folders");
        List<long[]> heap = new ArrayList<>();
        try (LoadedModel model = ModelLoader.load(new ModelLoader.Request(TestModels.gray28(), null, false, null,
                Device.cpu()))) {
            AnalysisRun run = DatasetAnalysis.run(model, items, DatasetAnalysis.Options.of(32), temp.resolve("out"),
                    (done, total, rate) -> {
                        if (done >= total / 3 && heap.isEmpty() || done == total) {
                            heap.add(new long[] {done, retainedHeap()});
                        }
                    });
            assertEquals(images, run.stats().total());
        }
        assertEquals(2, heap.size());
        double perImage = (double) (heap.get(1)[1] - heap.get(0)[1]) / (heap.get(1)[0] - heap.get(0)[0]);
        // One image's attention and GAP kept would be 2.7 kB on this model; GC noise measures about 0.1 kB.
        assertTrue(perImage < 1024, "the heap grew by " + perImage + " bytes per image");
    }

    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
