package org.splitscope.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    private static final Preprocessing RGB = Preprocessing.imagenet(8, 0.875, Preprocessing.Interpolation.BICUBIC);
    private static final Preprocessing GRAY =
            new Preprocessing(8, 0.875, Preprocessing.Interpolation.BILINEAR, new float[] {0.5f}, new float[] {0.5f}, 1);

    private static BufferedImage filled(int w, int h, int type, int argb) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    /** Every value of channel c equals the normalised 8-bit level. */
    private static void assertUniform(float[] tensor, Preprocessing p, float... levels) {
        int plane = p.size() * p.size();
        assertEquals(p.channels() * plane, tensor.length);
        for (int i = 0; i < tensor.length; i++) {
            int c = i / plane;
            float expected = (levels[c] / 255f - p.mean()[c]) / p.std()[c];
            assertEquals(expected, tensor[i], 1e-4, "value " + i);
        }
    }

    @Test
    void uniformColourStaysUniform() {
        float[] t = Preprocessor.toTensor(filled(37, 23, BufferedImage.TYPE_INT_RGB, 0xff102030), RGB);
        assertUniform(t, RGB, 0x10, 0x20, 0x30);
    }

    @Test
    void transparentPixelsBecomeWhite() {
        // Fully transparent black: the hidden colour must not show through.
        float[] t = Preprocessor.toTensor(filled(20, 20, BufferedImage.TYPE_INT_ARGB, 0x00000000), RGB);
        assertUniform(t, RGB, 255, 255, 255);
    }

    @Test
    void halfTransparentIsMixedWithWhite() {
        float[] t = Preprocessor.toTensor(filled(20, 20, BufferedImage.TYPE_INT_ARGB, 0x66ff0000), RGB);
        float a = 0x66 / 255f;
        assertUniform(t, RGB, 255, 255 * (1 - a), 255 * (1 - a));
    }

    @Test
    void grayImageIsRepeatedIntoThreeChannels() {
        BufferedImage gray = new BufferedImage(30, 40, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 30; x++) {
                gray.getRaster().setSample(x, y, 0, 71);
            }
        }
        // 71, not the 144 that Java's linear-gray getRGB would report.
        assertUniform(Preprocessor.toTensor(gray, RGB), RGB, 71, 71, 71);
    }

    @Test
    void colourBecomesLuminanceForOneChannelModels() {
        float[] t = Preprocessor.toTensor(filled(16, 12, BufferedImage.TYPE_INT_RGB, 0xff649632), GRAY);
        assertUniform(t, GRAY, 100 * 0.299f + 150 * 0.587f + 50 * 0.114f);
    }

    @Test
    void otherImageTypesAreConverted() {
        float[] t = Preprocessor.toTensor(filled(17, 9, BufferedImage.TYPE_3BYTE_BGR, 0xff102030), RGB);
        assertUniform(t, RGB, 0x10, 0x20, 0x30);
    }

    @Test
    void tensorIsChannelsFirst() {
        // Left half red, right half blue: channel 0 is high on the left, channel 2 on the right.
        BufferedImage image = filled(64, 64, BufferedImage.TYPE_INT_RGB, 0xff0000ff);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, 0xffff0000);
            }
        }
        Preprocessing p = Preprocessing.imagenet(16, 1.0, Preprocessing.Interpolation.BILINEAR);
        float[] t = Preprocessor.toTensor(image, p);
        int plane = 16 * 16;
        float red = (1 - 0.485f) / 0.229f;
        float noBlue = (0 - 0.406f) / 0.225f;
        assertEquals(red, t[3 * 16 + 1], 1e-4);          // c=0, y=3, x=1
        assertEquals(noBlue, t[2 * plane + 3 * 16 + 1], 1e-4); // c=2, y=3, x=1
        assertNotEquals(red, t[3 * 16 + 14], 0.5);      // c=0, right side
    }

    @Test
    void tinyAndThinImagesWork() {
        assertUniform(Preprocessor.toTensor(filled(1, 1, BufferedImage.TYPE_INT_RGB, 0xff808080), RGB), RGB, 128, 128, 128);
        assertUniform(Preprocessor.toTensor(filled(3, 2000, BufferedImage.TYPE_INT_RGB, 0xff808080), RGB), RGB, 128, 128, 128);
        assertUniform(Preprocessor.toTensor(filled(5000, 2, BufferedImage.TYPE_INT_RGB, 0xff808080), RGB), RGB, 128, 128, 128);
    }

    @Test
    void subimagesReadTheirOwnPixels() {
        BufferedImage big = new BufferedImage(90, 70, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 70; y++) {
            for (int x = 0; x < 90; x++) {
                big.setRGB(x, y, (x * 3) << 16 | (y * 3) << 8 | (x + y));
            }
        }
        BufferedImage part = big.getSubimage(13, 7, 50, 40); // shares big's pixel array, at an offset
        BufferedImage copy = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(part, 0, 0, null);
        assertArrayEquals(Preprocessor.toTensor(copy, RGB), Preprocessor.toTensor(part, RGB));
    }

    @Test
    void resizeKeepsAspectLikeTorchvision() {
        // int(256 * 4000 / 3000) = 341; the shorter side is the one set.
        assertArrayEquals(new int[] {341, 256}, Preprocessor.resizedSize(4000, 3000, 256));
        assertArrayEquals(new int[] {256, 341}, Preprocessor.resizedSize(3000, 4000, 256));
        assertArrayEquals(new int[] {256, 256}, Preprocessor.resizedSize(500, 500, 256));
        assertArrayEquals(new int[] {73, 109}, Preprocessor.resizedSize(100, 150, 73));
    }

    @Test
    void scaleSizeIsFloorOfSizeOverCropFraction() {
        assertEquals(256, Preprocessing.imagenet(224, 0.875, Preprocessing.Interpolation.BICUBIC).resizeSize());
        assertEquals(352, Preprocessing.imagenet(320, 0.909, Preprocessing.Interpolation.BICUBIC).resizeSize());
        assertEquals(224, Preprocessing.imagenet(224, 1.0, Preprocessing.Interpolation.BICUBIC).resizeSize());
    }

    @Test
    void bicubicWeightsArePils() {
        // Keys' cubic with a = -0.5 at a few points, and interpolating (1 at 0, 0 at the other integers).
        assertEquals(1.0, ResampleKernel.filter(Preprocessing.Interpolation.BICUBIC, 0), 1e-12);
        assertEquals(0.0, ResampleKernel.filter(Preprocessing.Interpolation.BICUBIC, 1), 1e-12);
        assertEquals(0.5625, ResampleKernel.filter(Preprocessing.Interpolation.BICUBIC, 0.5), 1e-12);
        assertEquals(-0.0625, ResampleKernel.filter(Preprocessing.Interpolation.BICUBIC, 1.5), 1e-12);
        assertEquals(0.0, ResampleKernel.filter(Preprocessing.Interpolation.BICUBIC, 2.5), 1e-12);
        assertEquals(0.75, ResampleKernel.filter(Preprocessing.Interpolation.BILINEAR, -0.25), 1e-12);
    }

    @Test
    void downscaleKernelIsStretched() {
        // Halving with bilinear: each output pixel averages a 4-pixel triangle (1/8, 3/8, 3/8, 1/8).
        ResampleKernel k = ResampleKernel.of(Preprocessing.Interpolation.BILINEAR, 8, 4, 1, 1);
        assertEquals(1, k.start[0]);
        assertEquals(4, k.count[0]);
        assertArrayEquals(new float[] {0.125f, 0.375f, 0.375f, 0.125f}, java.util.Arrays.copyOf(k.weights, 4), 1e-6f);
    }

    @Test
    void preprocessingIsValidated() {
        float[] three = {0.5f, 0.5f, 0.5f};
        var bicubic = Preprocessing.Interpolation.BICUBIC;
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(0, 0.875, bicubic, three, three, 3));
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(224, 0, bicubic, three, three, 3));
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(224, 0.875, bicubic, three, three, 2));
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(224, 0.875, bicubic, three, three, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Preprocessing(224, 0.875, bicubic, three, new float[] {1, 0, 1}, 3));
        assertEquals(Preprocessing.imagenet(224, 0.875, bicubic), Preprocessing.imagenet(224, 0.875, bicubic));
    }
}
