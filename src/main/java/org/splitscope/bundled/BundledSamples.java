package org.splitscope.bundled;

import java.nio.file.Path;
import java.util.List;
import org.splitscope.SplitScopeException;

/**
 * The sample images that ship inside SplitScope (top-level {@code resources/samples/}, embedded as
 * {@code /samples/} and listed in its {@code index.json}): Fashion-MNIST test images for the
 * bundled models and public-domain photos for ImageNet models.
 */
public final class BundledSamples {
    /**
     * @param kind "fashion-mnist" or "photo"
     * @param label the true class of a Fashion-MNIST image, null for photos
     */
    public record Entry(String file, String title, String kind, Integer label) {}

    /** The kind of the 28×28 grey samples (Fashion-MNIST), for one-channel models; the others are RGB photos. */
    public static final String GREY_KIND = "fashion-mnist";

    private record Index(List<Entry> samples) {}

    private BundledSamples() {}

    public static List<Entry> all() throws SplitScopeException {
        Index index = ResourceFiles.json("/samples/index.json", Index.class);
        return index == null || index.samples() == null ? List.of() : List.copyOf(index.samples());
    }

    public static Path file(Entry entry) throws SplitScopeException {
        return ResourceFiles.file("/samples/" + entry.file());
    }
}
