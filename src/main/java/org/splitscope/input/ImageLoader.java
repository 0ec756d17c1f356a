package org.splitscope.input;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files into upright 8-bit sRGB images ({@code TYPE_INT_RGB}, or {@code TYPE_INT_ARGB}
 * when the file has transparency): PNG, JPEG (also CMYK/YCCK), BMP, GIF (first frame), TIFF, WebP.
 *
 * <p>Untrusted files are expected: the size in the header is checked before any pixel memory is
 * taken, and every decoder failure becomes an {@link ImageInputException} naming the file.
 */
public final class ImageLoader {
    /** Largest accepted side, in pixels. */
    public static final int MAX_SIDE = 16_384;
    /** Largest accepted area, in pixels (50 megapixels: 200 MB as INT_ARGB). */
    public static final long MAX_PIXELS = 50_000_000L;

    private static final Set<String> EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "jpe", "jfif", "bmp", "dib", "gif", "tif", "tiff", "webp");
    /** ImageIO format names we hand files to; others on the class path (WBMP...) are too lax in what they accept. */
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "bmp", "gif", "tiff", "bigtiff", "webp");
    private static final String SUPPORTED = "supported: PNG, JPEG, BMP, GIF, TIFF, WebP";

    private ImageLoader() {}

    /** Whether the file name has an image extension we read (case-insensitive); the content is not checked. */
    public static boolean isImageFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The image files directly in a folder (not its subfolders), sorted by file name. */
    public static List<Path> listImages(Path dir) throws ImageInputException {
        if (!Files.isDirectory(dir)) {
            throw new ImageInputException(dir, Files.exists(dir) ? "not a folder" : "folder not found");
        }
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                // dotfiles are hidden files (macOS' ._x.png resource forks, .DS_Store), not inputs
                boolean hidden = entry.getFileName().toString().startsWith(".");
                if (!hidden && isImageFile(entry) && Files.isRegularFile(entry)) {
                    images.add(entry);
                }
            }
        } catch (IOException | SecurityException e) {
            throw new ImageInputException(dir, "cannot list the folder: " + e.getMessage(), e);
        }
        images.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return images;
    }

    /**
     * How many frames the file holds (animated GIF, multi-page TIFF); 1 for ordinary images or when
     * the decoder cannot tell. Only the first is ever used: callers say so.
     */
    public static int frames(Path file) {
        try (ImageInputStream in = ImageFiles.open(file)) {
            ImageReader reader = findReader(in);
            if (reader == null) {
                return 1;
            }
            try {
                reader.setInput(in, false, false);
                return Math.max(1, reader.getNumImages(true));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 1; // load() reports a broken file properly
        }
    }

    /** Decodes an image file, turned upright according to its EXIF orientation. */
    public static BufferedImage load(Path file) throws ImageInputException {
        checkFile(file);
        int width = 0;
        int height = 0;
        try (ImageInputStream in = ImageFiles.open(file)) {
            ImageReader reader = findReader(in);
            if (reader == null) {
                throw new ImageInputException(file, "not a recognised image format (" + SUPPORTED + ")");
            }
            try {
                reader.setInput(in, false, false);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                checkDimensions(file, width, height);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener(collect(warnings));
                BufferedImage image = reader.read(0);
                checkWarnings(file, warnings);
                image = RgbImages.toIntRgb(image);
                return Orientation.apply(image, Orientation.read(file, reader.getFormatName()));
            } finally {
                reader.dispose();
            }
        } catch (ImageInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders report broken data with IIOException, EOFException, and also with
            // IndexOutOfBounds, IllegalArgument or NegativeArraySize exceptions.
            throw new ImageInputException(file, "cannot decode the image; the file may be truncated or corrupt ("
                    + describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            String size = width > 0 ? " (" + width + "×" + height + " px)" : "";
            throw new ImageInputException(file, "not enough memory to decode the image" + size, e);
        }
    }

    private static void checkFile(Path file) throws ImageInputException {
        if (Files.isDirectory(file)) {
            throw new ImageInputException(file, "is a folder, not an image file");
        }
        if (!Files.exists(file)) {
            throw new ImageInputException(file, "file not found");
        }
        if (!Files.isReadable(file)) {
            throw new ImageInputException(file, "file cannot be read (permission denied)");
        }
        try {
            if (Files.size(file) == 0) {
                throw new ImageInputException(file, "file is empty");
            }
        } catch (IOException e) {
            throw new ImageInputException(file, "file cannot be read: " + describe(e), e);
        }
    }

    /** Refuses decompression bombs: a few bytes of compressed data can claim gigapixels. */
    static void checkDimensions(Path file, long width, long height) throws ImageInputException {
        if (width <= 0 || height <= 0) {
            throw new ImageInputException(file, "image has no pixels (" + width + "×" + height + " px)");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            throw new ImageInputException(file, "image is " + width + "×" + height + " px; the limit is "
                    + MAX_SIDE + " px per side and " + MAX_PIXELS / 1_000_000 + " megapixels");
        }
    }

    /** The first installed reader that recognises the content, limited to the formats we support. */
    private static ImageReader findReader(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                return reader;
            }
            reader.dispose();
        }
        return null;
    }

    private static IIOReadWarningListener collect(List<String> warnings) {
        return (source, message) -> warnings.add(message == null ? "" : message);
    }

    /**
     * libjpeg only warns about a file that ends early and fills the rest with gray; PIL refuses such
     * a file ("image file is truncated"), and so do we. Other warnings (extra bytes, odd markers) are
     * harmless and PIL ignores them too.
     */
    private static void checkWarnings(Path file, List<String> warnings) throws ImageInputException {
        for (String warning : warnings) {
            String w = warning.toLowerCase(Locale.ROOT);
            if (w.contains("premature end") || w.contains("truncated")) {
                throw new ImageInputException(file, "the image data ends early; the file is truncated (" + warning + ")");
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
