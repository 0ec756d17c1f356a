package org.splitscope.render;

import java.awt.image.BufferedImage;

/** An image as packed ARGB ints, row-major: what the renderers produce and the views and PNG writers take. */
public record Raster(int width, int height, int[] argb) {

    public Raster {
        if (width < 0 || height < 0 || argb.length != width * height) {
            throw new IllegalArgumentException("raster " + width + "×" + height + " with " + argb.length + " pixels");
        }
    }

    public int get(int x, int y) {
        return argb[y * width + x];
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        if (width > 0 && height > 0) {
            image.setRGB(0, 0, width, height, argb, 0, width);
        }
        return image;
    }

    public static Raster of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return new Raster(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }
}
