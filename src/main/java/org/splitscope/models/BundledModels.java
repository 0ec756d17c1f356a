package org.splitscope.models;

import java.nio.file.Path;
import java.util.List;
import org.splitscope.SplitScopeException;

/**
 * The models that ship inside SplitScope: the {@code models/} folder, embedded in the jar and
 * listed in {@code models/index.json}.
 */
public final class BundledModels {
    /**
     * @param file the safetensors file name inside models/ (its model card is the same name with .json)
     * @param title what the user sees, e.g. "radix 2 (2s1x64d) · Fashion-MNIST"
     */
    public record Entry(String file, String title, boolean isDefault) {}

    private record Index(List<Entry> models) {}

    private BundledModels() {}

    /** The shipped models in display order; empty in a build without them. */
    public static List<Entry> all() throws SplitScopeException {
        Index index = ResourceFiles.json("/models/index.json", Index.class);
        return index == null || index.models() == null ? List.of() : List.copyOf(index.models());
    }

    /** The model used when none is named (the GUI opens on it). */
    public static Path defaultModel() throws SplitScopeException {
        Entry entry = all().stream().filter(Entry::isDefault).findFirst()
                .orElseThrow(() -> new SplitScopeException("no bundled default model in this build: pass --model FILE"));
        return file(entry);
    }

    /** The entry's checkpoint as a file on disk. */
    public static Path file(Entry entry) throws SplitScopeException {
        return ResourceFiles.file("/models/" + entry.file());
    }
}
