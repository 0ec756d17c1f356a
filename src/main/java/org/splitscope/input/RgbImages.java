package org.splitscope.input;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** Brings any decoded image to 8-bit sRGB in an int array ({@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}). */
final class RgbImages {
    private RgbImages() {}

    static boolean isIntRgb(BufferedImage image) {
        int type = image.getType();
        return type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB;
    }

    /** The image itself when it is already INT_RGB/INT_ARGB, otherwise a converted copy. */
    static BufferedImage toIntRgb(BufferedImage image) {
        if (isIntRgb(image)) {
            return image;
        }
        boolean alpha = image.getColorModel().hasAlpha();
        if (isIntegerGray(image)) {
            return fromGray(image.getRaster(), alpha);
        }
        // Java2D converts palettes, 16-bit samples, BGR layouts and ICC colour spaces for us.
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src); // copy alpha as is; compositing happens in Preprocessor
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static boolean isIntegerGray(BufferedImage image) {
        int dataType = image.getRaster().getDataBuffer().getDataType();
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(image.getColorModel() instanceof IndexColorModel)
                && (dataType == DataBuffer.TYPE_BYTE || dataType == DataBuffer.TYPE_USHORT);
    }

    /**
     * Gray samples copied as they are. Java treats its gray colour space as linear and would brighten
     * every pixel on the way to sRGB (gray 71 reads back as 144), while PIL, and the files, mean the
     * stored value.
     */
    private static BufferedImage fromGray(Raster raster, boolean alpha) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int grayBits = raster.getSampleModel().getSampleSize(0);
        int alphaBits = alpha ? raster.getSampleModel().getSampleSize(1) : 8;
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] gray = new int[w];
        int[] opacity = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, gray);
            if (alpha) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 1, opacity);
            }
            for (int x = 0; x < w; x++) {
                int v = to8Bit(gray[x], grayBits);
                int a = alpha ? to8Bit(opacity[x], alphaBits) : 255;
                pixels[y * w + x] = a << 24 | v << 16 | v << 8 | v;
            }
        }
        return out;
    }

    /** 1/2/4-bit values are stretched to 0..255 like PIL; 16-bit values keep their high byte like PIL. */
    private static int to8Bit(int value, int bits) {
        if (bits == 8) {
            return value;
        }
        if (bits > 8) {
            return value >>> (bits - 8);
        }
        return value * 255 / ((1 << bits) - 1);
    }
}
