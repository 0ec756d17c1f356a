package org.splitscope.input;

import java.util.Arrays;
import java.util.Objects;

/**
 * How an image becomes a network input, as in timm's eval transform: resize the shorter side to
 * {@code floor(size / cropFraction)}, center-crop {@code size × size}, scale to [0, 1], then
 * {@code (x - mean) / std} per channel.
 *
 * @param size         side of the square input, e.g. 224
 * @param cropFraction timm's {@code crop_pct}, e.g. 0.875 (resize to 256, crop 224)
 * @param mean         per-channel mean on the [0, 1] scale; {@code channels} values
 * @param std          per-channel standard deviation on the [0, 1] scale; {@code channels} values
 * @param channels     3 for RGB models, 1 for grayscale models
 */
public record Preprocessing(
        int size, double cropFraction, Interpolation interpolation, float[] mean, float[] std, int channels) {

    /** PIL's resampling filters as used by torchvision's {@code Resize}. */
    public enum Interpolation {
        BILINEAR,
        BICUBIC
    }

    /** Far above any published ResNeSt input (timm's largest is 416). */
    public static final int MAX_SIZE = 2048;

    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public Preprocessing {
        // Bounded because sizes also come from files: size² pixels are allocated per image.
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ": " + size);
        }
        if (!(cropFraction >= 0.1 && cropFraction <= 2)) {
            throw new IllegalArgumentException("cropFraction must be 0.1 to 2: " + cropFraction);
        }
        if (interpolation == null) {
            throw new IllegalArgumentException("interpolation must be bilinear or bicubic");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3: " + channels);
        }
        if (mean == null || std == null || mean.length != channels || std.length != channels) {
            throw new IllegalArgumentException("mean and std need " + channels + " values each");
        }
        for (float m : mean) {
            if (!Float.isFinite(m)) {
                throw new IllegalArgumentException("mean must be finite: " + Arrays.toString(mean));
            }
        }
        for (float s : std) {
            if (!(s > 0) || Float.isInfinite(s)) {
                throw new IllegalArgumentException("std must be positive: " + Arrays.toString(std));
            }
        }
        // Copies keep the record immutable even if the caller reuses its arrays.
        mean = mean.clone();
        std = std.clone();
    }

    /** RGB with ImageNet's mean and std, as for the ResNeSt models. */
    public static Preprocessing imagenet(int size, double cropFraction, Interpolation interpolation) {
        return new Preprocessing(size, cropFraction, interpolation, IMAGENET_MEAN, IMAGENET_STD, 3);
    }

    /** The side the shorter image side is resized to before cropping: timm's {@code scale_size}. */
    public int resizeSize() {
        return (int) Math.floor(size / cropFraction);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p
                && size == p.size
                && Double.compare(cropFraction, p.cropFraction) == 0
                && interpolation == p.interpolation
                && channels == p.channels
                && Arrays.equals(mean, p.mean)
                && Arrays.equals(std, p.std);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, cropFraction, interpolation, channels, Arrays.hashCode(mean), Arrays.hashCode(std));
    }

    @Override
    public String toString() {
        return "Preprocessing[size=" + size + ", cropFraction=" + cropFraction + ", interpolation="
                + interpolation + ", mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std)
                + ", channels=" + channels + "]";
    }
}
