package org.splitscope.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.splitscope.app.Settings;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;

/**
 * Saving figures: the scale (1×, 2×, 4×), a suggested file name, the folder last used, and the write
 * itself (on the executor, atomically, never over an existing file without asking).
 */
public final class ExportViewModel {
    public static final int[] SCALES = {1, 2, 4};

    private final Session session;
    private final Settings settings;
    private final IntegerProperty scale = new SimpleIntegerProperty(this, "scale", 2);
    private Consumer<Problem> problems = p -> {};

    public ExportViewModel(Session session, Settings settings) {
        this.session = session;
        this.settings = settings;
    }

    public void setProblemHandler(Consumer<Problem> handler) {
        this.problems = handler;
    }

    /** The folder the save dialog opens in: the last one saved to, else the home folder. */
    public Path folder() {
        return settings.exportFolder().orElse(Path.of(System.getProperty("user.home")));
    }

    /** e.g. {@code splitscope-heatmaps-layer3.0-coat.png}. */
    public String suggestedName(String view) {
        StringBuilder name = new StringBuilder("splitscope-").append(view);
        if (session.blockProperty().get() != null && !"window".equals(view)) {
            name.append('-').append(session.blockProperty().get());
        }
        ImageCapture c = session.capture();
        if (c != null) {
            String image = c.image().name();
            int dot = image.lastIndexOf('.');
            name.append('-').append(dot > 0 ? image.substring(0, dot) : image);
        }
        return name.toString().replaceAll("[^A-Za-z0-9._-]+", "_") + ".png";
    }

    /** The name with ".png" added when it has no such ending. */
    public static Path withPngSuffix(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? file : file.resolveSibling(name + ".png");
    }

    /**
     * Writes the image. If the target (after adding ".png") exists, {@code confirmOverwrite} decides;
     * a refusal writes nothing.
     *
     * @param chooserConfirmed the user already agreed to replace exactly {@code target} (a save
     *     dialog asks this itself)
     * @return whether a write was started
     */
    public boolean save(BufferedImage image, Path target, boolean chooserConfirmed, Predicate<Path> confirmOverwrite,
            Consumer<Path> done) {
        Path file = withPngSuffix(target);
        boolean asked = chooserConfirmed && file.equals(target);
        if (Files.exists(file) && !asked && !confirmOverwrite.test(file)) {
            return false;
        }
        if (file.toAbsolutePath().getParent() != null) {
            settings.setExportFolder(file.toAbsolutePath().getParent());
        }
        session.executor().submit("Saving " + file.getFileName(), progress -> {
            PngExport.write(file, image);
            return file;
        }, done, error -> problems.accept(Problem.of("Saving " + file.getFileName(), error)));
        return true;
    }

    public IntegerProperty scaleProperty() {
        return scale;
    }
}
