package org.splitscope.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Safetensors files laid out like timm / Hugging Face ones (space-padded header), read back exactly. */
class SafetensorsTest extends WithManager {

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
