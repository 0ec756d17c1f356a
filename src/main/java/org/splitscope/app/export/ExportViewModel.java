package org.splitscope.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.splitscope.app.base.Settings;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.figure.FileFigure;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Problem;
import org.splitscope.app.session.Session;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureSize;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.ViewData;
import org.splitscope.io.AtomicFiles;

/**
 * Saving figures and their data: the file settings (format, width, dpi, theme, caption), the scale of
 * copies and window snapshots, a suggested file name, the folder last used, and the writes
 * themselves (on the executor, atomically, never over an existing file without asking). Figures go
 * through the views' {@link FileFigure}s, the same drawings as the {@code figure} command.
 */
public final class ExportViewModel {
    public static final int[] SCALES = {1, 2, 4};

    private final Session session;
    private final Settings settings;
    private final IntegerProperty scale = new SimpleIntegerProperty(this, "scale", 2);
    private final ObjectProperty<FigureFormat> format = new SimpleObjectProperty<>(this, "format", FigureFormat.PNG);
    private final StringProperty width = new SimpleStringProperty(this, "width", "7in");
    private final DoubleProperty dpi = new SimpleDoubleProperty(this, "dpi", 300);
    private final ObjectProperty<FigureStyle.Theme> theme = new SimpleObjectProperty<>(this, "theme", FigureStyle.Theme.PAPER);
    private final BooleanProperty caption = new SimpleBooleanProperty(this, "caption", true);
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

    /** The view's own name for its files, else {@link #suggestedName(String, String)}. */
    public String suggestedName(FigureViewModel view, String extension) {
        String own = view.fileName();
        return own == null ? suggestedName(view.view().id(), extension)
                : ("splitscope-" + own).replaceAll("[^A-Za-z0-9._-]+", "_") + extension;
    }

    /** e.g. {@code splitscope-heatmaps-layer3.0-coat.pdf}. */
    public String suggestedName(String view, String extension) {
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
        return name.toString().replaceAll("[^A-Za-z0-9._-]+", "_") + extension;
    }

    /** The size the settings give; throws with a one-line reason when they are not valid. */
    public FigureSize size() {
        return FigureSize.parse(width.get(), dpi.get());
    }

    /**
     * Writes the view's figure in the chosen format (its ending added when missing). If the target
     * exists, {@code confirmOverwrite} decides; a refusal writes nothing.
     *
     * @param chooserConfirmed the user already agreed to replace exactly {@code target} (a save
     *     dialog asks this itself)
     * @return whether a write was started
     */
    public boolean saveFigure(FigureViewModel view, Path target, boolean chooserConfirmed,
            Predicate<Path> confirmOverwrite, Consumer<Path> done) {
        FileFigure figure = view.fileFigure();
        if (figure == null) {
            return false;
        }
        FigureFormat f = format.get();
        Path file = f.withExtension(target);
        if (!mayWrite(file, chooserConfirmed && file.equals(target), confirmOverwrite)) {
            return false;
        }
        FigureSize size = size();
        FigureStyle style = FigureStyle.print(theme.get());
        boolean withCaption = caption.get();
        session.executor().submit("Saving " + file.getFileName(), progress -> {
            FigureFiles.write(file, f, figure, size, style, withCaption);
            return file;
        }, done, error -> problems.accept(Problem.of("Saving " + file.getFileName(), error)));
        return true;
    }

    /** Why the view has nothing to save or export now (said instead of doing nothing), or null. */
    public String nothingToExport(FigureViewModel view) {
        return view.fileFigure() == null ? view.nothingToExport() : null;
    }

    /** Writes what the view shows as {@code NAME.csv} and {@code NAME.json}, both or neither. */
    public boolean exportData(FigureViewModel view, Path target, boolean chooserConfirmed,
            Predicate<Path> confirmOverwrite, Consumer<Path> done) {
        FileFigure figure = view.fileFigure();
        if (figure == null) {
            return false;
        }
        Path csv = FigureFormat.withEnding(target, ".csv");
        Path json = csv.resolveSibling(csv.getFileName().toString().replaceAll("\\.csv$", "") + ".json");
        if (!mayWrite(csv, chooserConfirmed && csv.equals(target), confirmOverwrite)
                || !mayWrite(json, false, confirmOverwrite)) {
            return false;
        }
        session.executor().submit("Saving " + csv.getFileName(), progress -> {
            Provenance p = figure.provenance();
            ViewData data = figure.data().forExport(p);
            AtomicFiles.writeAll(List.of(Map.entry(csv, out -> out.write(data.csv())),
                    Map.entry(json, out -> out.write(data.json(p)))));
            return csv;
        }, done, error -> problems.accept(Problem.of("Saving " + csv.getFileName(), error)));
        return true;
    }

    /** Writes a window snapshot as PNG. */
    public boolean saveImage(BufferedImage image, Path target, boolean chooserConfirmed,
            Predicate<Path> confirmOverwrite, Consumer<Path> done) {
        Path file = FigureFormat.PNG.withExtension(target);
        if (!mayWrite(file, chooserConfirmed && file.equals(target), confirmOverwrite)) {
            return false;
        }
        session.executor().submit("Saving " + file.getFileName(), progress -> {
            PngExport.write(file, image);
            return file;
        }, done, error -> problems.accept(Problem.of("Saving " + file.getFileName(), error)));
        return true;
    }

    private boolean mayWrite(Path file, boolean asked, Predicate<Path> confirmOverwrite) {
        if (Files.exists(file) && !asked && !confirmOverwrite.test(file)) {
            return false;
        }
        if (file.toAbsolutePath().getParent() != null) {
            settings.setExportFolder(file.toAbsolutePath().getParent());
        }
        return true;
    }

    /** Copies and window snapshots: 1×, 2× or 4×. */
    public IntegerProperty scaleProperty() {
        return scale;
    }

    public ObjectProperty<FigureFormat> formatProperty() {
        return format;
    }

    /** "7in", "3.5in", "1200px" (at the dpi), "9cm". */
    public StringProperty widthProperty() {
        return width;
    }

    public DoubleProperty dpiProperty() {
        return dpi;
    }

    public ObjectProperty<FigureStyle.Theme> themeProperty() {
        return theme;
    }

    /** The caption line (model · image · block) under the figure. */
    public BooleanProperty captionProperty() {
        return caption;
    }
}
