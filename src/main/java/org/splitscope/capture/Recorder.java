package org.splitscope.capture;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.splitscope.model.ResidualBlock;
import org.splitscope.model.CaptureSink;

/**
 * The capture sink of one forward: keeps each block's arrays on the device while the network runs,
 * then copies them to the host in one pass and frees them.
 */
final class Recorder implements CaptureSink {
    private final Set<String> splitBlocks;
    private final BooleanSupplier cancelled;
    private final Map<String, NDArray[]> arrays = new LinkedHashMap<>();

    Recorder(Set<String> splitBlocks, BooleanSupplier cancelled) {
        this.splitBlocks = splitBlocks;
        this.cancelled = cancelled;
    }

    @Override
    public void attention(String block, NDArray attention, NDArray gap) {
        arrays.put(block, new NDArray[] {CaptureSink.keep(attention), CaptureSink.keep(gap), null, null});
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("capture cancelled after " + block);
        }
    }

    @Override
    public boolean wantsSplits(String block) {
        return splitBlocks.contains(block);
    }

    @Override
    public void splits(String block, NDArray splits, NDArray fused) {
        NDArray[] slot = arrays.get(block);
        slot[2] = CaptureSink.keep(splits);
        slot[3] = CaptureSink.keep(fused);
    }

    /** Copies everything to the host (one toFloatArray per array: cheaper than concatenating). */
    List<BlockCapture> toHost(List<ResidualBlock> network) {
        List<BlockCapture> captures = new ArrayList<>();
        for (ResidualBlock block : network) {
            NDArray[] slot = arrays.get(block.name());
            if (slot == null) {
                continue; // radix 0: nothing to report
            }
            float[] splits = slot[2] == null ? null : slot[2].toFloatArray();
            float[] fused = slot[3] == null ? null : slot[3].toFloatArray();
            int height = slot[2] == null ? 0 : (int) slot[2].getShape().get(3);
            int width = slot[2] == null ? 0 : (int) slot[2].getShape().get(4);
            captures.add(new BlockCapture(block.name(), block.radix(), block.cardinality(), block.channels(),
                    slot[0].toFloatArray(), slot[1].toFloatArray(), splits, fused, height, width,
                    org.splitscope.model.AttentionWords.of(block)));
        }
        return captures;
    }

    void close() {
        for (NDArray[] slot : arrays.values()) {
            for (NDArray array : slot) {
                if (array != null) {
                    array.close();
                }
            }
        }
        arrays.clear();
    }
}
