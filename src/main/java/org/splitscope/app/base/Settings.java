package org.splitscope.app.base;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the explorer remembers between runs (java.util.prefs). Tests pass their own node; the app
 * uses {@code splitscope.prefs} (a node path) if set, else the user node of this package.
 */
public final class Settings {
    private static final String MODEL = "model.file";
    private static final String PRESET = "model.preset";
    private static final String AVD_FIRST = "model.avdFirst";
    private static final String BUNDLED = "model.bundled";
    private static final String MODEL_FOLDER = "folder.model";
    private static final String IMAGE_FOLDER = "folder.images";
    private static final String EXPORT_FOLDER = "folder.export";
    private static final String DARK = "theme.dark";
    private static final String COLORMAP = "colormap";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    private final Preferences node;

    public Settings(Preferences node) {
        this.node = node;
    }

    /** Runs a change; a node removed under us (tests) or a broken store only loses the change. */
    private void write(Runnable change) {
        try {
            change.run();
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // Remembering is a convenience: a read-only home must not break the explorer.
        }
    }

    public static Settings user() {
        String path = System.getProperty("splitscope.prefs");
        return new Settings(path == null || path.isBlank()
                ? Preferences.userNodeForPackage(Settings.class)
                : Preferences.userRoot().node(path));
    }

    /**
     * The last checkpoint opened from a file (bundled models are not remembered as files), with the
     * choices the user made for that file: a preset, or null; avd first/last, or null for the file's.
     */
    public record LastModel(Path file, String preset, Boolean avdFirst) {}

    public Optional<LastModel> lastModel() {
        String avd = node.get(AVD_FIRST, "");
        return path(MODEL).filter(Files::isRegularFile)
                .map(p -> new LastModel(p, emptyToNull(node.get(PRESET, "")), avd.isEmpty() ? null : Boolean.valueOf(avd)));
    }

    public void setLastModel(LastModel model) {
        write(() -> {
            if (model == null) {
                node.remove(MODEL);
                node.remove(PRESET);
                node.remove(AVD_FIRST);
            } else {
                node.put(MODEL, model.file().toAbsolutePath().toString());
                node.put(PRESET, model.preset() == null ? "" : model.preset());
                node.put(AVD_FIRST, model.avdFirst() == null ? "" : model.avdFirst().toString());
                node.remove(BUNDLED);
            }
        });
    }

    /** The file name of the bundled model last opened, if the last model was a bundled one. */
    public Optional<String> lastBundled() {
        String name = node.get(BUNDLED, "");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** Remembers a bundled model as the last one (and forgets the last file), or the reverse with null. */
    public void setLastBundled(String file) {
        write(() -> {
            if (file == null) {
                node.remove(BUNDLED);
            } else {
                node.put(BUNDLED, file);
                node.remove(MODEL);
            }
        });
    }

    public Optional<Path> modelFolder() {
        return folder(MODEL_FOLDER);
    }

    public void setModelFolder(Path dir) {
        putFolder(MODEL_FOLDER, dir);
    }

    public Optional<Path> imageFolder() {
        return folder(IMAGE_FOLDER);
    }

    public void setImageFolder(Path dir) {
        putFolder(IMAGE_FOLDER, dir);
    }

    public Optional<Path> exportFolder() {
        return folder(EXPORT_FOLDER);
    }

    public void setExportFolder(Path dir) {
        putFolder(EXPORT_FOLDER, dir);
    }

    public boolean dark() {
        return node.getBoolean(DARK, false);
    }

    public void setDark(boolean dark) {
        write(() -> {
            node.putBoolean(DARK, dark);
        });
    }

    public String colormap() {
        return node.get(COLORMAP, "");
    }

    public void setColormap(String name) {
        write(() -> {
            node.put(COLORMAP, name);
        });
    }

    /** Window width, height and maximised flag. */
    public record Window(double width, double height, boolean maximized) {
        /**
         * This window on a screen whose visible area is {@code width × height}: never larger, so a size
         * remembered on a bigger screen does not reopen with its toolbar off the screen.
         */
        public Window within(double screenWidth, double screenHeight) {
            return new Window(Math.min(width, screenWidth), Math.min(height, screenHeight), maximized);
        }
    }

    /** The remembered window, or {@code fallback} (sized to the screen) the first time. */
    public Window window(Window fallback) {
        if (node.getDouble(WIDTH, -1) < 0) {
            return fallback;
        }
        return new Window(clamp(node.getDouble(WIDTH, fallback.width()), 800, 8000),
                clamp(node.getDouble(HEIGHT, fallback.height()), 560, 8000), node.getBoolean(MAXIMIZED, false));
    }

    public void setWindow(Window window) {
        write(() -> {
            node.putDouble(WIDTH, window.width());
            node.putDouble(HEIGHT, window.height());
            node.putBoolean(MAXIMIZED, window.maximized());
        });
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : lo;
    }

    private Optional<Path> folder(String key) {
        return path(key).filter(Files::isDirectory);
    }

    private void putFolder(String key, Path dir) {
        if (dir != null) {
            write(() -> node.put(key, dir.toAbsolutePath().toString()));
        }
    }

    private Optional<Path> path(String key) {
        String value = node.get(key, "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Forgets everything (tests). */
    public void clear() {
        try {
            node.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // nothing to forget
        }
    }
}
