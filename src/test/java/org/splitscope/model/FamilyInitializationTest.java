package org.splitscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitscope.TestSupport;
import org.splitscope.capture.Capture;
import org.splitscope.capture.CaptureResult;

/** Fresh weights for the family: each block's last BN at zero (basic: bn2), ECA's kernel uniform ±1/√k. */
class FamilyInitializationTest {

    @Test
    void basicEcaBlocksStartAsTheIdentityAndGateAtOneHalfOrSo() {
        ResNeStConfig config = ResNeStConfig.builder().layers(1, 1).block(BlockType.BASIC).attention(Mechanism.ECA)
                .radix(1).basePlanes(8).stemWidth(8).deepStem(false).avgDown(false).avd(false).numClasses(3).build();
        try (NDManager manager = TestSupport.manager()) {
            ResNeSt network = new ResNeSt(config);
            Initialization.initialize(network, manager, 7);
            network.setTraining(false);
            Map<String, ai.djl.nn.Parameter> p = Weights.parametersByKey(network);
            for (float w : p.get("layer1.0.bn2.weight").getArray().toFloatArray()) {
                assertEquals(0f, w);
            }
            for (float w : p.get("layer1.0.bn1.weight").getArray().toFloatArray()) {
                assertEquals(1f, w);
            }
            NDArray eca = p.get("layer2.0.se.conv.weight").getArray();
            assertEquals(new Shape(1, 1, 3), eca.getShape());
            for (float w : eca.toFloatArray()) {
                assertTrue(Math.abs(w) <= 1 / Math.sqrt(3), "uniform ±1/√k: " + w);
            }
            network.foldBatchNorm();
            CaptureResult r = Capture.run(network, manager.randomNormal(new Shape(2, 3, 32, 32)), Set.of());
            for (float a : r.block("layer2.0").attention()) {
                assertTrue(a > 0 && a < 1, "a sigmoid gate");
            }
            for (float l : r.logits()) {
                assertTrue(Float.isFinite(l));
            }
        }
    }
}
