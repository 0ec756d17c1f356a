package org.splitscope.render;

import org.splitscope.input.Preprocessing;

/**
 * The network input as a picture: the preprocessed tensor with the normalisation undone. Overlays
 * go on this (the resized, cropped image the network actually saw), so maps and image line up.
 */
public final class InputImages {
    private InputImages() {}

    /** @param chw [C, H, W] with C = 1 (grey) or 3 (RGB), normalised with the preprocessing's mean and std */
    public static Raster fromTensor(float[] chw, int height, int width, Preprocessing preprocessing) {
        int channels = preprocessing.channels();
        float[] mean = preprocessing.mean();
        float[] std = preprocessing.std();
        int plane = height * width;
        if (chw.length != channels * plane) {
            throw new IllegalArgumentException("tensor of " + chw.length + " values is not " + channels + "×"
                    + height + "×" + width);
        }
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int[] rgb = new int[3];
            for (int c = 0; c < 3; c++) {
                int k = channels == 1 ? 0 : c;
                rgb[c] = Math.max(0, Math.min(255, Math.round((chw[k * plane + i] * std[k] + mean[k]) * 255f)));
            }
            argb[i] = 0xFF000000 | rgb[0] << 16 | rgb[1] << 8 | rgb[2];
        }
        return new Raster(width, height, argb);
    }
}
