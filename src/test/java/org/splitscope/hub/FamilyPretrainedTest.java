package org.splitscope.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Presets;

/** timm's SE/ECA/SK tags: each is listed, has its own preset, and a tag SplitScope does not know falls back to its architecture. */
class FamilyPretrainedTest {

    @Test
    void everyFamilyTagIsListedWithItsOwnPreset() {
        for (String tag : Pretrained.TIMM_FAMILY) {
            assertTrue(Presets.find(tag).isPresent(), tag);
            assertTrue(Pretrained.all().stream().anyMatch(m -> m.id().equals("hf:timm/" + tag) && m.preset().equals(tag)), tag);
            assertTrue(Pretrained.weightBytes(tag) > 40_000_000, tag);
        }
        assertEquals(160, Presets.find("seresnet50.a3_in1k").orElseThrow().preprocessing().size());
    }

    @Test
    void aTagPicksItsPresetAndAnUnknownTagItsArchitecture() {
        assertEquals("seresnet50.a3_in1k", Pretrained.presetOf("timm/seresnet50.a3_in1k"));
        assertEquals("skresnext50_32x4d", Pretrained.presetOf("timm/skresnext50_32x4d.other_in1k"));
        assertEquals("resnest50d", Pretrained.presetOf("timm/resnest50d.in1k"));
    }
}
