package org.splitscope.input;

import java.awt.image.BufferedImage;

/**
 * The middle 1/s of an image on each side: the object "enlarged s times" once the model's
 * preprocessing resizes it back (the Compare view's scales, SKNet's figure via {@code analyze --scales}).
 */
public final class CentreCrop {
    private CentreCrop() {}

    public static BufferedImage of(BufferedImage image, double s) {
        int w = Math.max(1, (int) Math.round(image.getWidth() / s));
        int h = Math.max(1, (int) Math.round(image.getHeight() / s));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var g = out.createGraphics();
        g.drawImage(image.getSubimage((image.getWidth() - w) / 2, (image.getHeight() - h) / 2, w, h), 0, 0, null);
        g.dispose();
        return out;
    }
}
