package org.splitscope.figure;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a figure is written in. */
public enum FigureFormat {
    PNG, SVG, PDF;

    public String extension() {
        return "." + name().toLowerCase(Locale.ROOT);
    }

    public static FigureFormat parse(String s) {
        for (FigureFormat f : values()) {
            if (f.name().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + s + "' (png, svg or pdf)");
    }

    /** From the file name's ending, or null when it has none of ours. */
    public static FigureFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat f : values()) {
            if (name.endsWith(f.extension())) {
                return f;
            }
        }
        return null;
    }

    /** The file with this format's ending added unless it has it. */
    public Path withExtension(Path file) {
        return withEnding(file, extension());
    }

    /** The file with {@code ending} (".csv") added unless its name ends so, in any case. */
    public static Path withEnding(Path file, String ending) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(ending) ? file : file.resolveSibling(name + ending);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
