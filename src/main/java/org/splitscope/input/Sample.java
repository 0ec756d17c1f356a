package org.splitscope.input;

/**
 * One preprocessed network input.
 *
 * @param source where it came from: a file name, or {@code file.npy[3]} for one image of an array
 * @param shape [C, H, W]
 * @param data CHW, row-major
 */
public record Sample(String source, long[] shape, float[] data) {}
