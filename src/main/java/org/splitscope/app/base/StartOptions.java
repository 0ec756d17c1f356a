package org.splitscope.app.base;

import java.nio.file.Path;

/**
 * Internal switches read from system properties, for tests, screenshots and development before the
 * bundled models exist; users never need them.
 *
 * @param model {@code splitscope.model}: open this checkpoint instead of the remembered or bundled one
 * @param image {@code splitscope.image}: show this image (or folder) first
 * @param screenshot {@code splitscope.screenshot}: write a PNG of the window once the first capture is
 *     shown, then quit
 * @param view {@code splitscope.view}: heatmaps, splitbars, featuremaps, gap, depth or dataset
 * @param block {@code splitscope.block}: select this block, e.g. layer2.0
 * @param dark {@code splitscope.theme}: "dark" or "light" for this run (null: remembered)
 * @param stats {@code splitscope.stats}: open these analyze results in the Dataset view
 * @param analyze {@code splitscope.analyze}: analyze this labelled folder in the Dataset view
 */
public record StartOptions(Path model, Path image, Path screenshot, String view, String block, Boolean dark,
        Path stats, Path analyze) {

    public static StartOptions fromSystemProperties() {
        String theme = System.getProperty("splitscope.theme");
        return new StartOptions(path("splitscope.model"), path("splitscope.image"), path("splitscope.screenshot"),
                System.getProperty("splitscope.view"), System.getProperty("splitscope.block"),
                theme == null ? null : theme.equalsIgnoreCase("dark"), path("splitscope.stats"),
                path("splitscope.analyze"));
    }

    public static StartOptions none() {
        return new StartOptions(null, null, null, null, null, null, null, null);
    }

    private static Path path(String key) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
