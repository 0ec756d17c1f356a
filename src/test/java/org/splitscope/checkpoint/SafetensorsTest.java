package org.splitscope.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitscope.engine.Engines;

/** Safetensors files laid out like timm / Hugging Face ones (space-padded header), read back exactly. */
class SafetensorsTest {
    private static NDManager manager;

    @BeforeAll
    static void start() {
        Engines.configure(0);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void tinyStateDictWithMetadata() throws Exception {
        StateDict dict = Checkpoints.read(Fixtures.path("tiny.safetensors"), manager);
        Fixtures.assertTiny(dict);
        assertEquals(Map.of("format", "pt", "arch", "tiny"), dict.metadata());
    }

    @Test
    void everyElementType() throws Exception {
        StateDict dict = Checkpoints.read(Fixtures.path("mixed_dtypes.safetensors"), manager);
        TorchCheckpointTest.assertMixedDtypes(dict);
        assertEquals(Map.of(), dict.metadata());
    }
}
