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

/** The export commands of the window: snapshots at 1×, 2× or 4×, saved as PNG or copied. */
public final class ExportActions {
    private final ExportViewModel vm;
    private final Supplier<Color> background;
    private final Consumer<String> status;

    /**
     * @param background the theme's background, so figures are not transparent
     * @param status where "Saved …" is reported
     */
    public ExportActions(ExportViewModel vm, Supplier<Color> background, Consumer<String> status) {
        this.vm = vm;
        this.background = background;
        this.status = status;
    }

    /** A snapshot of the node at {@code scale} times its size in pixels. */
    public WritableImage snapshot(Node node, int scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        p.setFill(background.get());
        return node.snapshot(p, null);
    }

    public void saveView(Exportable view, Window owner) {
        save(view.figure(), view.exportName(), owner);
    }

    public void saveWindow(Node root, Window owner) {
        save(root, "window", owner);
    }

    private void save(Node node, String name, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save as PNG (" + vm.scaleProperty().get() + "×)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialDirectory(vm.folder().toFile());
        chooser.setInitialFileName(vm.suggestedName(name));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            // The native save dialog has already asked about replacing exactly this file.
            saveTo(node, file.toPath(), true, owner);
        }
    }

    /**
     * Writes the node's snapshot to {@code file} (".png" added if missing); asks before replacing a file
     * the user has not already agreed to replace.
     */
    public boolean saveTo(Node node, Path file, boolean chooserConfirmed, Window owner) {
        BufferedImage image = SwingFXUtils.fromFXImage(snapshot(node, vm.scaleProperty().get()), null);
        return vm.save(image, file, chooserConfirmed, existing -> confirmReplace(existing, owner),
                written -> status.accept("Saved " + written + " (" + image.getWidth() + "×" + image.getHeight() + ")"));
    }

    private static boolean confirmReplace(Path file, Window owner) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, file + " already exists. Replace it?",
                ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText("Replace " + file.getFileName() + "?");
        alert.initOwner(owner);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    public void copy(Exportable view) {
        WritableImage image = snapshot(view.figure(), vm.scaleProperty().get());
        ClipboardContent content = new ClipboardContent();
        content.putImage(image);
        Clipboard.getSystemClipboard().setContent(content);
        status.accept("Copied the " + view.exportName() + " view (" + (int) image.getWidth() + "×"
                + (int) image.getHeight() + ") to the clipboard");
    }
}
