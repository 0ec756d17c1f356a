package org.splitscope.input;

/** Placeholder until the input branch lands (same API). */
public record Preprocessing(int size, double cropFraction, Interpolation interpolation, float[] mean, float[] std, int channels) {
    public enum Interpolation { BILINEAR, BICUBIC }

    public static Preprocessing imagenet(int size, double cropFraction, Interpolation interpolation) {
        return new Preprocessing(size, cropFraction, interpolation,
                new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, 3);
    }
}
