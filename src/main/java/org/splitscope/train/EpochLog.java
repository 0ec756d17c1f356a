package org.splitscope.train;

/** One epoch's numbers, as printed and as kept in the checkpoint and model card. */
public record EpochLog(int epoch, double learningRate, double loss, double trainAccuracy,
        double validationAccuracy, double imagesPerSecond, double seconds) {}
