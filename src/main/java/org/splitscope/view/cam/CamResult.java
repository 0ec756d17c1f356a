package org.splitscope.view.cam;

import java.util.Arrays;
import java.util.List;

/**
 * Class activation maps of a batch, on the host.
 *
 * @param target where they were taken: {@code layer3.0} (a bottleneck's output) or
 *     {@code layer3.0.conv2} (its split-attention output V)
 * @param maps the raw maps [N, h, w], row-major: ReLU(Σ_c w_c A_c), not normalised, not resized
 * @param height h, the target's resolution
 * @param width w
 * @param inputHeight H, the network input's
 * @param inputWidth W
 * @param classes the class each image's map explains, with its logit
 */
public record CamResult(String target, CamMethod method, int batch, int height, int width, int inputHeight,
        int inputWidth, float[] maps, List<Explained> classes) {

    /** The class an image's map explains, with its name and pre-softmax score. */
    public record Explained(int index, String label, float logit) {}

    public CamResult {
        if (maps.length != batch * height * width || classes.size() != batch) {
            throw new IllegalArgumentException(maps.length + " map values and " + classes.size()
                    + " classes for " + batch + " maps of " + height + "×" + width);
        }
        classes = List.copyOf(classes);
    }

    /** Image n's raw map [h, w] (a copy). */
    public float[] map(int n) {
        int plane = height * width;
        return Arrays.copyOfRange(maps, n * plane, (n + 1) * plane);
    }

    /** Image n's map normalised to 0…1 and resized bilinearly to the network input [H, W]. */
    public float[] mapOnInput(int n) {
        return CamMaps.toInput(map(n), width, height, inputWidth, inputHeight);
    }
}
