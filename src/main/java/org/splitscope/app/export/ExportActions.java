package org.splitscope.app.export;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.splitscope.app.figure.Exportable;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureFormat;

/** The export commands of the window: figure files, data files, copies and window snapshots. */
public final class ExportActions {
    private final ExportViewModel vm;
    private final Supplier<Color> background;
    private final Consumer<String> status;

    /**
     * @param background the theme's background, so window snapshots are not transparent
     * @param status where "Saved …" is reported
     */
    public ExportActions(ExportViewModel vm, Supplier<Color> background, Consumer<String> status) {
        this.vm = vm;
        this.background = background;
        this.status = status;
    }

    /** Save view as…: format, width, dpi and theme first, then the file. */
    public void saveView(Exportable view, Window owner) {
        if (saysNothingToExport(view, owner) || !ExportDialog.ask(vm, owner)) {
            return;
        }
        FigureFormat format = vm.formatProperty().get();
        File file = chooser("Save the " + view.figureModel().view() + " figure", format.name() + " file",
                "*" + format.extension(), vm.suggestedName(view.figureModel(), format.extension()))
                .showSaveDialog(owner);
        if (file != null) {
            // The native save dialog has already asked about replacing exactly this file.
            saveTo(view, file.toPath(), true, owner);
        }
    }

    /** Writes the view's figure to {@code file} with the current settings; asks before replacing. */
    public boolean saveTo(Exportable view, Path file, boolean chooserConfirmed, Window owner) {
        return vm.saveFigure(view.figureModel(), file, chooserConfirmed, existing -> confirmReplace(existing, owner),
                written -> status.accept("Saved " + written));
    }

    /** Export data…: what the view shows as CSV and JSON. */
    public void exportData(Exportable view, Window owner) {
        if (saysNothingToExport(view, owner)) {
            return;
        }
        File file = chooser("Export the " + view.figureModel().view() + " data (CSV and JSON)", "CSV file", "*.csv",
                vm.suggestedName(view.figureModel(), ".csv")).showSaveDialog(owner);
        if (file != null) {
            vm.exportData(view.figureModel(), file.toPath(), true, existing -> confirmReplace(existing, owner),
                    written -> status.accept("Saved " + written + " and its .json"));
        }
    }

    /** Tells the user (dialog and status line) when the view has nothing to write; true then. */
    private boolean saysNothingToExport(Exportable view, Window owner) {
        String why = vm.nothingToExport(view.figureModel());
        if (why == null) {
            return false;
        }
        status.accept(why);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, why, ButtonType.OK);
        alert.setHeaderText("Nothing to export");
        alert.initOwner(owner);
        alert.show();
        return true;
    }

    /** A snapshot of the whole window at the copy scale. */
    public void saveWindow(Node root, Window owner) {
        File file = chooser("Save the window as PNG (" + vm.scaleProperty().get() + "×)", "PNG image", "*.png",
                vm.suggestedName("window", ".png")).showSaveDialog(owner);
        if (file != null) {
            BufferedImage image = SwingFXUtils.fromFXImage(snapshot(root, vm.scaleProperty().get()), null);
            vm.saveImage(image, file.toPath(), true, existing -> confirmReplace(existing, owner),
                    written -> status.accept("Saved " + written + " (" + image.getWidth() + "×" + image.getHeight() + ")"));
        }
    }

    private WritableImage snapshot(Node node, int scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        p.setFill(background.get());
        return node.snapshot(p, null);
    }

    private FileChooser chooser(String title, String kind, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialDirectory(vm.folder().toFile());
        chooser.setInitialFileName(name);
        return chooser;
    }

    private static boolean confirmReplace(Path file, Window owner) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, file + " already exists. Replace it?",
                ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText("Replace " + file.getFileName() + "?");
        alert.initOwner(owner);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** The figure as on screen (window theme), at the copy scale, on the clipboard. */
    public void copy(Exportable view) {
        Drawing d = view.canvas().drawing();
        if (d == null) {
            status.accept("Nothing to copy: the " + view.figureModel().view() + " view shows no figure yet");
            return;
        }
        BufferedImage image = FigureFiles.image(d, 72.0 * vm.scaleProperty().get());
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(image, null));
        Clipboard.getSystemClipboard().setContent(content);
        status.accept("Copied the " + view.figureModel().view() + " figure (" + image.getWidth() + "×"
                + image.getHeight() + ") to the clipboard");
    }
}
