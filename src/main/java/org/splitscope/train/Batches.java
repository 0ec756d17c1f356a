package org.splitscope.train;

import java.util.Random;

/**
 * Turns Fashion-MNIST bytes into normalised network input, with the training augmentation: a random
 * 28×28 crop of the image padded by {@link #PAD} black pixels, and a horizontal flip half the time.
 */
final class Batches {
    static final int PAD = 2;
    /** Fashion-MNIST's pixel mean and standard deviation (over the training set, in [0, 1]). */
    static final float MEAN = 0.2860f;
    static final float STD = 0.3530f;

    private Batches() {}

    /** @param random null: no augmentation (validation, test) */
    static float[] images(FashionMnist.Split split, int[] indices, int from, int count, Random random) {
        int side = FashionMnist.SIDE;
        float[] out = new float[count * FashionMnist.PIXELS];
        float background = -MEAN / STD;
        for (int b = 0; b < count; b++) {
            int image = indices[from + b] * FashionMnist.PIXELS;
            int dx = 0;
            int dy = 0;
            boolean flip = false;
            if (random != null) {
                dx = random.nextInt(2 * PAD + 1) - PAD;
                dy = random.nextInt(2 * PAD + 1) - PAD;
                flip = random.nextBoolean();
            }
            int base = b * FashionMnist.PIXELS;
            for (int y = 0; y < side; y++) {
                int sy = y + dy;
                for (int x = 0; x < side; x++) {
                    int sx = (flip ? side - 1 - x : x) + dx;
                    boolean inside = sy >= 0 && sy < side && sx >= 0 && sx < side;
                    out[base + y * side + x] = inside
                            ? ((split.pixels()[image + sy * side + sx] & 0xff) / 255f - MEAN) / STD
                            : background;
                }
            }
        }
        return out;
    }

    static float[] smoothedTargets(FashionMnist.Split split, int[] indices, int from, int count,
            int classes, float smoothing) {
        float[] targets = new float[count * classes];
        float off = smoothing / classes;
        java.util.Arrays.fill(targets, off);
        for (int b = 0; b < count; b++) {
            targets[b * classes + split.label(indices[from + b])] += 1 - smoothing;
        }
        return targets;
    }
}
