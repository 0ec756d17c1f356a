package org.splitscope.bundled;

import java.nio.file.Path;
import java.nio.file.Files;
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

    /**
     * What a {@code --model} names: the file if there is one, else the bundled model of that name
     * ({@code fmnist-0s1x64d}, with or without {@code .safetensors}); else a one-line error.
     */
    public static Path resolve(Path given) throws SplitScopeException {
        if (Files.isRegularFile(given)) {
            return given;
        }
        String name = given.toString();
        List<Entry> entries = all();
        for (Entry entry : entries) {
            if (entry.file().equals(name) || entry.file().equals(name + ".safetensors")) {
                return file(entry);
            }
        }
        String known = entries.stream().map(e -> e.file().replaceFirst("\\.safetensors$", ""))
                .collect(java.util.stream.Collectors.joining(", "));
        throw new SplitScopeException(given + ": no such file" + (Files.exists(given) ? "" : known.isEmpty() ? ""
                : ", nor a bundled model (" + known + ")"));
    }

    /** The ablation table shipped with the models (models/ablation.json); null in a build without it. */
    public static org.splitscope.analysis.AblationTable ablation() throws SplitScopeException {
        return ResourceFiles.json("/models/ablation.json", org.splitscope.analysis.AblationTable.class);
    }

    /** The entry's checkpoint as a file on disk. */
    public static Path file(Entry entry) throws SplitScopeException {
        return ResourceFiles.file("/models/" + entry.file());
    }
}
