package org.splitscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.splitscope.TestSupport;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.Capture;

/** ResNeSt.attentionBlocks: the blocks with attention, in depth order, the ones a capture records. */
class AttentionBlocksTest {

    private static ResNeStConfig.Builder small() {
        return ResNeStConfig.builder().layers(2, 1).basePlanes(8).stemWidth(8).deepStem(false).avgDown(false)
                .avd(false).numClasses(3);
    }

    private static List<String> names(List<ResidualBlock> blocks) {
        return blocks.stream().map(ResidualBlock::name).toList();
    }

    @Test
    void splitAttentionBlocksInDepthOrderAreTheOnesACaptureRecords() {
        ResNeSt network = new ResNeSt(small().radix(2).cardinality(2).build());
        assertEquals(List.of("layer1.0", "layer1.1", "layer2.0"), names(network.attentionBlocks()));
        try (NDManager manager = TestSupport.manager()) {
            Initialization.initialize(network, manager, 3);
            network.setTraining(false);
            Set<String> every = network.blocks().stream().map(ResidualBlock::name).collect(Collectors.toSet());
            var result = Capture.run(network, manager.randomNormal(new Shape(1, 3, 32, 32)), every);
            assertEquals(names(network.attentionBlocks()), result.blocks().stream().map(BlockCapture::name).toList());
        }
    }

    @Test
    void gatesCountAndPlainBlocksDoNot() {
        assertEquals(List.of("layer1.0", "layer1.1", "layer2.0"),
                names(new ResNeSt(small().attention(Mechanism.SE).radix(1).build()).attentionBlocks()));
        ResNeSt plain = new ResNeSt(small().radix(0).build());
        assertEquals(3, plain.blocks().size());
        assertEquals(List.of(), plain.attentionBlocks());
    }
}
