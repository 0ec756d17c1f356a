package org.splitscope.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageLoaderTest {
    @TempDir
    Path tmp;

    // ------------------------------------------------------------ formats

    /** Colours of the 4 × 4 blocks (12 × 8 px each) in formats/blocks.*, as in make_input_fixtures.py. */
    private static final int[] BLOCK_COLOURS = {
        0xffffff, 0x000000, 0xc81e28, 0x1ea03c, 0x283cd2, 0xf0c81e, 0x787878, 0x5a1e78,
        0x00b4c8, 0xfa8caa, 0x8c5a28, 0x3c3c14, 0xb4dc8c, 0x142850, 0xe67814, 0xa0c8f0,
    };

    @ParameterizedTest
    @ValueSource(strings = {"blocks.png", "blocks.bmp", "blocks.gif", "blocks.tif", "blocks_lossless.webp"})
    void losslessFormatsGiveTheExactPixels(String name) throws Exception {
        BufferedImage image = ImageLoader.load(Fixtures.path("formats/" + name));
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertEquals(48, image.getWidth());
        assertEquals(32, image.getHeight());
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                int expected = BLOCK_COLOURS[(y / 8) * 4 + x / 12];
                assertEquals(Integer.toHexString(expected), Integer.toHexString(image.getRGB(x, y) & 0xffffff), name + " at " + x + "," + y);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocks.jpg", "blocks_cmyk.jpg", "blocks_lossy.webp"})
    void lossyFormatsGiveTheColoursAwayFromEdges(String name) throws Exception {
        BufferedImage image = ImageLoader.load(Fixtures.path("formats/" + name));
        assertEquals(48, image.getWidth());
        assertEquals(32, image.getHeight());
        for (int block = 0; block < 16; block++) {
            int x = (block % 4) * 12 + 6;
            int y = (block / 4) * 8 + 4;
            assertClose(BLOCK_COLOURS[block], image.getRGB(x, y), 6, name + " block " + block);
        }
    }

    // ------------------------------------------------------------ orientation

    @ParameterizedTest
    @ValueSource(strings = {
        "orientation_1.jpg", "orientation_2.jpg", "orientation_3.jpg", "orientation_4.jpg",
        "orientation_5.jpg", "orientation_6.jpg", "orientation_7.jpg", "orientation_8.jpg",
        "orientation_6.tif", "orientation_6.webp", "orientation_6.png",
    })
    void exifOrientationIsApplied(String name) throws Exception {
        BufferedImage image = ImageLoader.load(Fixtures.path("orientation/" + name));
        // Upright: 32 × 16, red | green over blue | yellow.
        assertEquals(32, image.getWidth(), name);
        assertEquals(16, image.getHeight(), name);
        assertClose(0xff0000, image.getRGB(8, 4), 40, name + " top left");
        assertClose(0x00ff00, image.getRGB(24, 4), 40, name + " top right");
        assertClose(0x0000ff, image.getRGB(8, 12), 40, name + " bottom left");
        assertClose(0xffff00, image.getRGB(24, 12), 40, name + " bottom right");
    }

    // ------------------------------------------------------------ gray and alpha

    private static int grayLevel(int x, int y) {
        return (x * 7 + y * 3) % 256; // the formula in make_input_fixtures.py
    }

    @Test
    void grayPngKeepsItsLevels() throws Exception {
        BufferedImage image = ImageLoader.load(Fixtures.path("pixels/gray.png"));
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                int v = grayLevel(x, y);
                assertEquals(v << 16 | v << 8 | v, image.getRGB(x, y) & 0xffffff, "at " + x + "," + y);
            }
        }
    }

    @Test
    void grayJpegKeepsItsLevels() throws Exception {
        BufferedImage image = ImageLoader.load(Fixtures.path("pixels/gray.jpg"));
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                int v = grayLevel(x, y);
                assertClose(v << 16 | v << 8 | v, image.getRGB(x, y), 4, "at " + x + "," + y);
            }
        }
    }

    @Test
    void grayWithAlphaKeepsBoth() throws Exception {
        BufferedImage image = ImageLoader.load(Fixtures.path("pixels/gray_alpha.png"));
        assertEquals(BufferedImage.TYPE_INT_ARGB, image.getType());
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                int v = grayLevel(x, y);
                int a = x * 255 / 29;
                assertEquals(a << 24 | v << 16 | v << 8 | v, image.getRGB(x, y), "at " + x + "," + y);
            }
        }
    }

    @Test
    void rgbaPngKeepsColourAndAlpha() throws Exception {
        BufferedImage image = ImageLoader.load(Fixtures.path("pixels/rgba.png"));
        assertEquals(BufferedImage.TYPE_INT_ARGB, image.getType());
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                int v = grayLevel(x, y);
                int a = x * 255 / 29;
                assertEquals(a << 24 | v << 16 | (255 - v) << 8 | 100, image.getRGB(x, y), "at " + x + "," + y);
            }
        }
    }

    @Test
    void paletteTransparencyBecomesAlpha() throws Exception {
        BufferedImage image = ImageLoader.load(Fixtures.path("pixels/palette_transparent.png"));
        assertEquals(BufferedImage.TYPE_INT_ARGB, image.getType());
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                int block = (y / 8) * 4 + x / 12;
                int argb = image.getRGB(x, y);
                if (block == 5) {
                    assertEquals(0, argb >>> 24, "block 5 is transparent");
                } else {
                    assertEquals(0xff000000 | BLOCK_COLOURS[block], argb, "at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void transparentAreasTurnWhiteInTheTensor() throws Exception {
        BufferedImage image = ImageLoader.load(Fixtures.path("pixels/palette_transparent.png"));
        // Crop-free, no resizing: 48 × 32 → shorter side 32 = size, and the crop takes columns 8..39.
        Preprocessing p = Preprocessing.imagenet(32, 1.0, Preprocessing.Interpolation.BILINEAR);
        float[] t = Preprocessor.toTensor(image, p);
        // Block 5 covers x 12..23, y 8..15 in the image: x 4..15 in the crop. Its centre must be white.
        int at = 12 * 32 + 10;
        for (int c = 0; c < 3; c++) {
            float white = (1 - p.mean()[c]) / p.std()[c];
            assertEquals(white, t[c * 32 * 32 + at], 1e-4, "channel " + c);
        }
    }

    // ------------------------------------------------------------ refusals

    @Test
    void decompressionBombIsRefusedFromItsHeader() throws Exception {
        Path bomb = tmp.resolve("bomb.png");
        Files.write(bomb, pngClaiming(100_000, 100_000));
        ImageInputException e = assertThrows(ImageInputException.class, () -> ImageLoader.load(bomb));
        assertEquals("bomb.png: image is 100000×100000 px; the limit is 16384 px per side and 50 megapixels", e.getMessage());
    }

    @Test
    void sideAndAreaLimits() throws Exception {
        Path wide = tmp.resolve("wide.png");
        Files.write(wide, pngClaiming(20_000, 10));
        assertThrows(ImageInputException.class, () -> ImageLoader.load(wide));
        Path big = tmp.resolve("big.png");
        Files.write(big, pngClaiming(8_000, 8_000)); // 64 megapixels, each side allowed
        assertTrue(assertThrows(ImageInputException.class, () -> ImageLoader.load(big)).getMessage().contains("8000×8000"));
    }

    @Test
    void truncatedPngIsRefused() throws Exception {
        byte[] png = Files.readAllBytes(Fixtures.path("parity/photo.png"));
        Path half = write("half.png", Arrays.copyOf(png, png.length / 2));
        assertMessage(half, "half.png: ");
        Path header = write("header.png", Arrays.copyOf(png, 40));
        assertMessage(header, "header.png: ");
    }

    @Test
    void truncatedJpegIsRefused() throws Exception {
        BufferedImage photo = ImageLoader.load(Fixtures.path("parity/photo.png"));
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(photo, "jpeg", jpeg));
        byte[] bytes = jpeg.toByteArray();
        // Cut inside the compressed data: libjpeg only warns and fills with gray; we refuse.
        Path cut = write("cut.jpg", Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertTrue(assertMessage(cut, "cut.jpg: ").contains("truncated"));
        // Cut inside the header.
        assertMessage(write("head.jpg", Arrays.copyOf(bytes, 100)), "head.jpg: ");
        // The whole file still loads.
        assertEquals(150, ImageLoader.load(write("whole.jpg", bytes)).getWidth());
    }

    @Test
    void notImagesAreRefused() throws Exception {
        byte[] noise = new byte[2000];
        new Random(7).nextBytes(noise);
        assertTrue(assertMessage(write("noise.png", noise), "noise.png: ").contains("not a recognised image format"));
        assertEquals("empty.jpg: file is empty", assertMessage(write("empty.jpg", new byte[0]), "empty.jpg: "));
        byte[] text = "these are not the pixels you are looking for\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(assertMessage(write("notes.png", text), "notes.png: ").contains("not a recognised image format"));
        assertEquals("missing.png: file not found", assertMessage(tmp.resolve("missing.png"), "missing.png: "));
        Path folder = Files.createDirectory(tmp.resolve("folder.png"));
        assertEquals("folder.png: is a folder, not an image file", assertMessage(folder, "folder.png: "));
    }

    /** Corrupted copies of every format either load or fail with ImageInputException, nothing else. */
    @Test
    void corruptFilesNeverEscapeAsOtherExceptions() throws Exception {
        Random random = new Random(42);
        for (String name : List.of("blocks.png", "blocks.jpg", "blocks_cmyk.jpg", "blocks.bmp", "blocks.gif",
                "blocks.tif", "blocks_lossless.webp", "blocks_lossy.webp")) {
            byte[] original = Files.readAllBytes(Fixtures.path("formats/" + name));
            for (int trial = 0; trial < 25; trial++) {
                byte[] bytes = original.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                if (trial % 5 == 4) {
                    bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                }
                Path file = write(trial + "_" + name, bytes);
                try {
                    ImageLoader.load(file);
                } catch (ImageInputException expected) {
                    assertTrue(expected.getMessage().startsWith(trial + "_" + name + ": "), expected.getMessage());
                }
            }
        }
    }

    // ------------------------------------------------------------ folders

    @Test
    void listsImagesOfAFolderByName() throws Exception {
        for (String name : List.of("b.png", "a.JPG", "notes.txt", "z.webp", "c.tiff", ".hidden", "noext")) {
            write(name, new byte[] {1});
        }
        Files.createDirectories(tmp.resolve("sub.png"));
        Files.createDirectories(tmp.resolve("sub"));
        write("sub/d.png", new byte[] {1});
        List<Path> images = ImageLoader.listImages(tmp);
        assertEquals(List.of("a.JPG", "b.png", "c.tiff", "z.webp"), images.stream().map(p -> p.getFileName().toString()).toList());
        assertThrows(ImageInputException.class, () -> ImageLoader.listImages(tmp.resolve("nowhere")));
    }

    @Test
    void recognisesImageExtensions() {
        for (String name : List.of("cat.jpg", "CAT.JPEG", "x.png", "x.bmp", "x.gif", "x.tif", "x.TIFF", "x.webp")) {
            assertTrue(ImageLoader.isImageFile(Path.of(name)), name);
        }
        for (String name : List.of("cat.txt", "png", ".png", "x.npy", "x.png.bak")) {
            assertFalse(ImageLoader.isImageFile(Path.of(name)), name);
        }
    }

    // ------------------------------------------------------------ helpers

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** Loading fails with ImageInputException, whose message starts with the file name; returns the message. */
    private static String assertMessage(Path file, String prefix) {
        ImageInputException e = assertThrows(ImageInputException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static void assertClose(int expectedRgb, int actualRgb, int tolerance, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expectedRgb >> shift) & 0xff;
            int a = (actualRgb >> shift) & 0xff;
            assertTrue(Math.abs(e - a) <= tolerance, what + ": expected #" + Integer.toHexString(expectedRgb & 0xffffff)
                    + " but was #" + Integer.toHexString(actualRgb & 0xffffff));
        }
    }

    /** A valid PNG (signature, IHDR, IDAT, IEND, all with CRCs) whose header claims the given size. */
    static byte[] pngClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit RGB
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4096]); // a few rows of zeros: tiny once compressed
        deflater.finish();
        byte[] idat = new byte[512];
        idat = Arrays.copyOf(idat, deflater.deflate(idat));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", idat);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @org.junit.jupiter.api.Test
    void namesThatAreNotValidTextStillOpen(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // a Latin-1 "bad\xff.png" on a UTF-8 system: only the raw bytes name the file
        java.nio.file.Path source = org.splitscope.TestSupport.resource("input/formats/blocks.png");
        Process cp = new ProcessBuilder("sh", "-c", "cp \"$0\" \"$1/$(printf 'bad\\377.png')\"", source.toString(),
                dir.toString()).inheritIO().start();
        org.junit.jupiter.api.Assertions.assertEquals(0, cp.waitFor());
        java.util.List<java.nio.file.Path> listed = ImageLoader.listImages(dir);
        org.junit.jupiter.api.Assertions.assertEquals(1, listed.size());
        java.awt.image.BufferedImage image = ImageLoader.load(listed.get(0));
        org.junit.jupiter.api.Assertions.assertEquals(ImageLoader.load(source).getWidth(), image.getWidth());
    }

    @org.junit.jupiter.api.Test
    void anAnimationSaysThatOnlyItsFirstFrameIsUsed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path gif = dir.resolve("anim.gif");
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("gif").next();
        try (var out = javax.imageio.ImageIO.createImageOutputStream(gif.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int f = 0; f < 3; f++) {
                java.awt.image.BufferedImage frame = new java.awt.image.BufferedImage(16, 16,
                        java.awt.image.BufferedImage.TYPE_BYTE_INDEXED);
                frame.getRaster().setSample(f, f, 0, 1);
                writer.writeToSequence(new javax.imageio.IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        org.junit.jupiter.api.Assertions.assertEquals(3, ImageLoader.frames(gif));
        org.junit.jupiter.api.Assertions.assertEquals(1, ImageLoader.frames(
                org.splitscope.TestSupport.resource("input/formats/blocks.png")));
        var samples = Samples.load(gif, Preprocessing.imagenet(16, 1.0, Preprocessing.Interpolation.BILINEAR));
        org.junit.jupiter.api.Assertions.assertEquals("anim.gif (frame 1 of 3)", samples.get(0).source(),
                "capture.json and the summary say which frame was used");
    }
}
