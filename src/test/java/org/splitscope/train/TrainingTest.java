package org.splitscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.SplitScopeException;
import org.splitscope.TestSupport;
import org.splitscope.model.ResNeStConfig;

/** Training on a few hundred real Fashion-MNIST images (CI installs dataset-fashion-mnist). */
class TrainingTest {
    static FashionMnist.Split data;

    @TempDir
    Path temp;

    /** The default variant with a tiny recipe (384 images, batch 32), so the test takes seconds. */
    static final Recipe RECIPE = Recipe.standard().withEpochs(3).withBatchSize(32).withLimit(384, 128).withSeed(7);

    @BeforeAll
    static void load() throws SplitScopeException {
        TestSupport.manager().close();
        data = FashionMnist.train(FashionMnist.DEBIAN_PATH);
    }

    private static Training start() {
        ResNeStConfig config = FashionMnistNetworks.find(FashionMnistNetworks.DEFAULT).orElseThrow();
        return Training.start(config, RECIPE, data, Device.cpu());
    }

    @Test
    void lossFallsAndValidationBeatsChance() {
        try (Training training = start()) {
            while (!training.finished()) {
                training.runEpoch();
            }
            List<EpochLog> history = training.history();
            assertEquals(3, history.size());
            assertTrue(history.get(2).loss() < history.get(0).loss() * 0.8,
                    "loss " + history.get(0).loss() + " → " + history.get(2).loss());
            assertTrue(history.get(2).validationAccuracy() > 0.3, "validation " + history.get(2).validationAccuracy());
        }
    }

    @Test
    void checkpointWrittenMidwayResumesToTheSameState() throws Exception {
        Map<String, float[]> straight;
        List<EpochLog> straightHistory;
        try (Training training = start()) {
            training.runEpoch();
            training.runEpoch();
            straight = weights(training);
            straightHistory = training.history();
        }
        Path checkpoint = temp.resolve("run.ckpt.safetensors");
        try (Training training = start()) {
            training.runEpoch();
            training.saveCheckpoint(checkpoint);
        }
        try (Training resumed = Training.resume(checkpoint, data, Device.cpu())) {
            assertEquals(1, resumed.epochsDone());
            resumed.runEpoch();
            Map<String, float[]> after = weights(resumed);
            assertEquals(straight.keySet(), after.keySet());
            for (String key : straight.keySet()) {
                float diff = TestSupport.maxAbsDiff(straight.get(key), after.get(key));
                assertTrue(diff < 1e-5, key + " differs by " + diff); // running statistics included
            }
            assertEquals(straightHistory.get(1).loss(), resumed.history().get(1).loss(), 1e-5);
            assertEquals(straightHistory.get(1).validationAccuracy(), resumed.history().get(1).validationAccuracy(), 1e-9);
        }
    }

    @Test
    void missingDataNamesTheDebianPackage() {
        SplitScopeException e = assertThrows(SplitScopeException.class, () -> FashionMnist.train(temp));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void resumingSomethingElseIsAClearError() {
        SplitScopeException e = assertThrows(SplitScopeException.class,
                () -> Training.resume(TestSupport.resource("parity/r2k1.safetensors"), data, Device.cpu()));
        assertEquals("r2k1.safetensors: not a SplitScope training checkpoint", e.getMessage());
    }

    private static Map<String, float[]> weights(Training training) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : training.network().getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
