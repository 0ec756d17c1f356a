package org.splitscope.batch;

/** How far a run over many inputs is (analyze, capture, cam, knockout); asked between batches whether to stop. */
public interface Progress {
    void update(int done, int total, double imagesPerSecond);

    default boolean isCancelled() {
        return false;
    }
}
