package org.splitscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.TestSupport;
import org.splitscope.capture.Capture;
import org.splitscope.model.Initialization;
import org.splitscope.model.Mechanism;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.Weights;
import org.splitscope.model.nn.MacCounter;

/** The bundled family models cost what the split-attention default costs, so the ablation compares like with like. */
class FashionMnistNetworksTest {
    record Cost(long parameters, long macs) {}

    static Cost cost(ResNeStConfig config) {
        try (NDManager manager = TestSupport.manager().newSubManager()) {
            ResNeSt network = new ResNeSt(config);
            Initialization.initialize(network, manager, 1);
            NDArray one = manager.zeros(new Shape(1, 1, FashionMnist.SIDE, FashionMnist.SIDE));
            long macs = MacCounter.count(1, () -> Capture.logits(network, one));
            return new Cost(Weights.count(network), macs);
        }
    }

    @Test
    void everyMechanismIsThereAndCostsWithinTenPercentOfTheDefault() {
        Map<String, ResNeStConfig> all = FashionMnistNetworks.all();
        Cost reference = cost(all.get(FashionMnistNetworks.DEFAULT));
        for (Mechanism mechanism : Mechanism.values()) {
            assertTrue(all.values().stream().anyMatch(c -> c.mechanism() == mechanism), "no bundled " + mechanism);
        }
        for (var entry : all.entrySet()) {
            Cost cost = cost(entry.getValue());
            if (entry.getValue().mechanism() == Mechanism.SPLAT || entry.getValue().mechanism() == Mechanism.NONE) {
                continue; // the radix/cardinality ablation varies cost on purpose
            }
            assertEquals(reference.parameters(), cost.parameters(), reference.parameters() * 0.1, entry.getKey() + " parameters");
            assertEquals(reference.macs(), cost.macs(), reference.macs() * 0.1, entry.getKey() + " MACs");
        }
    }
}
