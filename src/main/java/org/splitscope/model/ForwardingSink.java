package org.splitscope.model;

import ai.djl.ndarray.NDArray;

/** A sink that passes everything to another: subclasses change only what they add (forced attention, internals). */
public abstract class ForwardingSink implements CaptureSink {
    private final CaptureSink next;

    protected ForwardingSink(CaptureSink next) {
        this.next = next;
    }

    @Override
    public NDArray intervene(String block, NDArray attention) {
        return next.intervene(block, attention);
    }

    @Override
    public void attention(String block, NDArray attention, NDArray gap) {
        next.attention(block, attention, gap);
    }

    @Override
    public boolean wantsSplits(String block) {
        return next.wantsSplits(block);
    }

    @Override
    public void splits(String block, NDArray splits, NDArray fused) {
        next.splits(block, splits, fused);
    }

    @Override
    public boolean wantsInternals(String block) {
        return next.wantsInternals(block);
    }

    @Override
    public void internals(String block, NDArray input, NDArray hidden, NDArray logits) {
        next.internals(block, input, hidden, logits);
    }
}
