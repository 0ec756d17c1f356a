package org.splitscope.view.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.splitscope.SplitScopeException;

/**
 * How the activations A [N, C, h, w] at a layer and the gradients g = dY/dA of the class score Y
 * become a map, as pytorch-grad-cam computes them (its {@code get_cam_weights}, {@code get_cam_image}
 * and the ReLU of {@code compute_cam_per_layer}).
 */
public enum CamMethod {
    /** Grad-CAM: w_c = mean_ij g_cij; map = ReLU(Σ_c w_c A_c). */
    GRADCAM("gradcam", "Grad-CAM"),
    /** Grad-CAM++: α = g² / (2g² + (Σ_ij A)·g³ + 1e-6); w_c = Σ_ij ReLU(g)·α; map = ReLU(Σ_c w_c A_c). */
    GRADCAM_PLUS_PLUS("gradcampp", "Grad-CAM++"),
    /** LayerCAM: map = ReLU(Σ_c ReLU(g_c) ⊙ A_c), a weight per position. */
    LAYERCAM("layercam", "LayerCAM");

    private static final float GRADCAM_PP_EPS = 1e-6f; // pytorch-grad-cam's

    private final String cliName;
    private final String displayName;

    CamMethod(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    /** As on the command line: gradcam, gradcampp, layercam. */
    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    public static CamMethod parse(String text) throws SplitScopeException {
        for (CamMethod m : values()) {
            if (m.cliName.equals(text.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new SplitScopeException("--method: no method '" + text + "'; choose one of "
                + Arrays.stream(values()).map(CamMethod::cliName).collect(Collectors.joining(", ")));
    }

    /**
     * @param a the activations A [N, C, h, w]
     * @param g dY/dA, the same shape
     * @return the raw map [N, h, w], before any normalisation or resizing
     */
    NDArray map(NDArray a, NDArray g) {
        if (this == LAYERCAM) {
            NDArray weighted = Activation.relu(g).mul(a);                  // ReLU(g) ⊙ A
            return Activation.relu(weighted.sum(new int[] {1}));
        }
        NDArray weights = this == GRADCAM ? gradCamWeights(g) : gradCamPlusPlusWeights(a, g); // [N, C]
        long[] s = a.getShape().getShape();
        NDArray weighted = a.mul(weights.reshape(s[0], s[1], 1, 1));       // w_c A_c
        return Activation.relu(weighted.sum(new int[] {1}));
    }

    /** mean_ij g (a mean over two axes throws in DJL's PyTorch engine: sum, then divide). */
    private static NDArray gradCamWeights(NDArray g) {
        long[] s = g.getShape().getShape();
        return g.sum(new int[] {2, 3}).div((float) (s[2] * s[3]));
    }

    /**
     * pytorch-grad-cam's GradCAMPlusPlus. Its {@code where(g != 0, α, 0)} is left out: where g = 0
     * the numerator g² already makes α = 0.
     */
    private static NDArray gradCamPlusPlusWeights(NDArray a, NDArray g) {
        long[] s = g.getShape().getShape();
        NDArray g2 = g.mul(g);
        NDArray g3 = g2.mul(g);
        NDArray sumA = a.sum(new int[] {2, 3}).reshape(s[0], s[1], 1, 1);  // Σ_ij A
        NDArray denominator = g2.mul(2f).add(sumA.mul(g3)).add(GRADCAM_PP_EPS);
        NDArray alpha = g2.div(denominator);
        return Activation.relu(g).mul(alpha).sum(new int[] {2, 3});
    }
}
