package org.splitscope.view.cam;

import org.splitscope.render.Colormap;
import org.splitscope.render.Overlays;
import org.splitscope.render.Raster;
import org.splitscope.render.Resampling;
import org.splitscope.render.ValueRange;

/**
 * A raw map made ready to show over the input, as pytorch-grad-cam's {@code scale_cam_image} does:
 * min-max normalised to 0…1 (with its 1e-7 guard, so a flat map stays 0), then resized bilinearly.
 * The resize is {@link Resampling#bilinear}, PyTorch's {@code interpolate(align_corners=False)}; for
 * enlarging, cv2.resize's INTER_LINEAR (what pytorch-grad-cam calls) uses the same pixel centres and
 * clamping, so both agree up to float rounding.
 */
public final class CamMaps {
    private static final float EPS = 1e-7f;
    /** Overlays of small inputs (28 px) are enlarged by a whole factor towards this size, to be seen. */
    private static final int OVERLAY_SIZE = 224;

    private CamMaps() {}

    /** (m − min) / (max − min + 1e-7), element by element; a new array. */
    public static float[] normalize(float[] map) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : map) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] out = new float[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = (map[i] - min) / (EPS + (max - min));
        }
        return out;
    }

    /** Normalised, then resized bilinearly from {@code width}×{@code height} to {@code outWidth}×{@code outHeight}. */
    public static float[] toInput(float[] map, int width, int height, int outWidth, int outHeight) {
        return Resampling.bilinear(normalize(map), width, height, outWidth, outHeight);
    }

    /**
     * The normalised map over the input image, half and half (pytorch-grad-cam's default image
     * weight), enlarged by a whole factor when the input is small.
     */
    public static Raster overlay(Raster input, float[] map, int width, int height, Colormap colormap) {
        int scale = Math.max(1, OVERLAY_SIZE / Math.max(input.width(), input.height()));
        return Overlays.overlay(input, normalize(map), width, height, colormap, ValueRange.of(0, 1), 0.5,
                input.width() * scale, input.height() * scale);
    }
}
