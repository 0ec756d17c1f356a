package org.splitscope.app.session;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.splitscope.SplitScopeException;
import org.splitscope.input.ImageLoader;

/**
 * One image the user can step to. Files are decoded again for each capture (a folder of photos is
 * not kept in memory); pasted images and samples keep their pixels.
 *
 * @param file null for an image that exists only in memory
 * @param pixels null for an image read from {@code file} when needed
 */
public record ImageItem(String name, Path file, BufferedImage pixels) {

    public static ImageItem ofFile(Path file) {
        return new ImageItem(org.splitscope.io.Printable.clean(file.getFileName().toString()), file, null);
    }

    public static ImageItem ofPixels(String name, BufferedImage pixels) {
        return new ImageItem(name, null, pixels);
    }

    /** The image, upright. */
    public BufferedImage load() throws SplitScopeException {
        return pixels != null ? pixels : ImageLoader.load(file);
    }

    @Override
    public boolean equals(Object o) {
        // Identity: the same photo opened twice is two entries of the strip.
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
