package org.splitscope.input;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * EXIF orientation (TIFF tag 274): how the stored pixels must be turned to stand upright. Read from
 * JPEG APP1, TIFF IFD0, and the EXIF chunks of WebP and PNG; anything unreadable counts as upright,
 * since a broken tag should never stop an image from loading.
 */
final class Orientation {
    /** EXIF blocks beyond this are not orientation data worth reading. */
    private static final int MAX_EXIF_BYTES = 1 << 20;

    private Orientation() {}

    /** The orientation value 1..8 stored in the file; 1 (upright) when absent or unreadable. */
    static int read(Path file, String formatName) {
        try (ImageInputStream in = ImageFiles.open(file)) {
            Directory exif = switch (formatName.toLowerCase(Locale.ROOT)) {
                case "jpeg", "jpg" -> jpegExif(in);
                case "tiff", "tif", "bigtiff" -> new TIFFReader().read(in);
                case "webp" -> tiffBlock(webpChunk(in, "EXIF"));
                case "png" -> tiffBlock(pngChunk(in, "eXIf"));
                default -> null;
            };
            Entry entry = exif == null ? null : exif.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                return n.intValue();
            }
        } catch (IOException | RuntimeException e) {
            // Broken metadata: keep the pixels as stored.
        }
        return 1;
    }

    /**
     * The upright image for an orientation value. Rotations and mirrors are exact pixel moves, so
     * the result is what PIL's {@code ImageOps.exif_transpose} gives.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5; // 5..8 turn by a quarter, so width and height trade places
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int outW = out.getWidth();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < outW; x++) {
                // (sx, sy): where the upright pixel (x, y) is stored.
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }          // mirrored left-right
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }  // upside down
                    case 4 -> { sx = x; sy = h - 1 - y; }          // mirrored top-bottom
                    case 5 -> { sx = y; sy = x; }                  // transposed
                    case 6 -> { sx = y; sy = h - 1 - x; }          // needs 90° clockwise
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }  // transversed
                    default -> { sx = w - 1 - y; sy = x; }         // 8: needs 90° counter-clockwise
                }
                dst[y * outW + x] = src[sy * w + sx];
            }
        }
        return out;
    }

    private static Directory jpegExif(ImageInputStream in) throws IOException {
        for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
            try (InputStream data = segment.data()) {
                Directory exif = tiffBlock(data.readNBytes(MAX_EXIF_BYTES));
                if (exif != null) {
                    return exif;
                }
            }
        }
        return null;
    }

    /** Parses a TIFF structure, skipping an "Exif\0\0" prefix or padding before the byte-order mark. */
    private static Directory tiffBlock(byte[] data) throws IOException {
        if (data == null) {
            return null;
        }
        for (int start = 0; start + 8 <= data.length && start <= 8; start++) {
            boolean intel = data[start] == 'I' && data[start + 1] == 'I' && data[start + 2] == 42 && data[start + 3] == 0;
            boolean motorola = data[start] == 'M' && data[start + 1] == 'M' && data[start + 2] == 0 && data[start + 3] == 42;
            if (intel || motorola) {
                ByteArrayInputStream bytes = new ByteArrayInputStream(data, start, data.length - start);
                return new TIFFReader().read(new MemoryCacheImageInputStream(bytes));
            }
        }
        return null;
    }

    /** The payload of the first RIFF chunk with this id in a WebP file, or null. */
    private static byte[] webpChunk(ImageInputStream in, String id) throws IOException {
        in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        if (!ascii(in).equals("RIFF")) {
            return null;
        }
        long end = 8 + in.readUnsignedInt();
        if (!ascii(in).equals("WEBP")) {
            return null;
        }
        while (in.getStreamPosition() + 8 <= end) {
            String chunk = ascii(in);
            long size = in.readUnsignedInt();
            if (chunk.equals(id)) {
                return size <= MAX_EXIF_BYTES ? readBytes(in, (int) size) : null;
            }
            in.seek(in.getStreamPosition() + size + (size & 1)); // chunks are padded to even sizes
        }
        return null;
    }

    /** The data of the first PNG chunk of this type before the image data, or null. */
    private static byte[] pngChunk(ImageInputStream in, String type) throws IOException {
        in.seek(8); // signature; PNG numbers are big-endian, the stream's default
        while (true) {
            long length = in.readUnsignedInt();
            String chunk = ascii(in);
            if (chunk.equals(type)) {
                return length <= MAX_EXIF_BYTES ? readBytes(in, (int) length) : null;
            }
            if (chunk.equals("IDAT") || chunk.equals("IEND")) {
                return null; // eXIf must come before the image data
            }
            in.seek(in.getStreamPosition() + length + 4); // data and CRC
        }
    }

    private static String ascii(ImageInputStream in) throws IOException {
        return new String(readBytes(in, 4), StandardCharsets.US_ASCII);
    }

    private static byte[] readBytes(ImageInputStream in, int n) throws IOException {
        byte[] data = new byte[n];
        in.readFully(data);
        return data;
    }
}
