package org.splitscope.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.splitscope.engine.Engines;

/**
 * Load times of a ResNeSt-50-sized checkpoint (about 110 MB float32, 476 tensors); prints, does
 * not assert timing. Opt-in: write the files with
 * {@code /usr/bin/python3 src/test/python/make_checkpoint_fixtures.py --large /tmp/bench}, then
 * {@code mvn -o test -Dtest=CheckpointLoadBenchmark -Dsplitscope.bench=/tmp/bench}.
 */
@EnabledIfSystemProperty(named = "splitscope.bench", matches = ".+")
class CheckpointLoadBenchmark {
    private static final int RUNS = 5;

    @Test
    void loadTimes() throws Exception {
        Engines.configure(2);
        Path dir = Path.of(System.getProperty("splitscope.bench"));
        List<String> names = List.of("resnest50.safetensors", "resnest50_zip.pth", "resnest50_legacy.pth");
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.zeros(new ai.djl.ndarray.types.Shape(1)); // start the engine outside the timings
        }
        // The first load of each file in a fresh JVM: what a user waits for (JIT still cold).
        for (String name : names) {
            System.out.printf("BENCH %-24s first load: %6.1f ms%n", name, timeRead(dir.resolve(name)) / 1e6);
        }
        for (String name : names) {
            long best = Long.MAX_VALUE;
            for (int run = 0; run < RUNS; run++) {
                best = Math.min(best, timeRead(dir.resolve(name)));
            }
            System.out.printf("BENCH %-24s %6.1f MB  best of %d: %6.1f ms%n",
                    name, Files.size(dir.resolve(name)) / 1e6, RUNS, best / 1e6);
        }
        // For comparison: DJL's own safetensors decoder on the same file.
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            try (NDManager manager = NDManager.newBaseManager();
                    InputStream in = Files.newInputStream(dir.resolve("resnest50.safetensors"))) {
                long start = System.nanoTime();
                NDList list = NDList.decode(manager, in);
                best = Math.min(best, System.nanoTime() - start);
                assertEquals(476, list.size());
            }
        }
        System.out.printf("BENCH %-24s best of %d: %6.1f ms%n", "NDList.decode", RUNS, best / 1e6);
    }

    private static long timeRead(Path file) throws CheckpointException {
        try (NDManager manager = NDManager.newBaseManager()) {
            long start = System.nanoTime();
            StateDict dict = Checkpoints.read(file, manager);
            long time = System.nanoTime() - start;
            assertEquals(476, dict.tensors().size(), file.getFileName().toString());
            return time;
        }
    }
}
