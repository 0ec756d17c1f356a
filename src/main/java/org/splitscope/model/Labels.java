package org.splitscope.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.SplitScopeException;

/** Class names: ImageNet-1k (bundled), a text file with one name per line, or numbered placeholders. */
public final class Labels {
    private static List<String> imagenet;

    private Labels() {}

    public static synchronized List<String> imagenet() {
        if (imagenet == null) {
            try (InputStream in = Labels.class.getResourceAsStream("imagenet-1k.txt")) {
                imagenet = List.copyOf(lines(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("the bundled ImageNet class names are missing", e);
            }
        }
        return imagenet;
    }

    /** One class name per line; blank lines at the end are ignored. */
    public static List<String> read(Path file, int classes) throws SplitScopeException {
        List<String> names;
        try {
            if (Files.size(file) > 16 << 20) {
                throw new SplitScopeException(file.getFileName() + ": a label file larger than 16 MB is not a label file");
            }
            names = lines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SplitScopeException(file.getFileName() + ": cannot read labels (" + e.getMessage() + ")");
        }
        if (names.size() != classes) {
            throw new SplitScopeException(file.getFileName() + ": " + names.size()
                    + " labels, but the model has " + classes + " classes");
        }
        return names;
    }

    /** The names a model with this many classes gets when nothing else is known. */
    public static List<String> defaults(int classes) {
        if (classes == 1000) {
            return imagenet();
        }
        List<String> names = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            names.add("class " + i);
        }
        return names;
    }

    /** A class name as compared with what the user typed: without case and punctuation ("T-shirt/top" = "tshirttop"). */
    public static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static List<String> lines(String text) {
        List<String> names = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        while (!names.isEmpty() && names.get(names.size() - 1).isBlank()) {
            names.remove(names.size() - 1);
        }
        return names;
    }
}
