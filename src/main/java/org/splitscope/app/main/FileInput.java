package org.splitscope.app.main;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Images and checkpoints from the file choosers, the clipboard and drops. */
final class FileInput {
    private final MainViewModel vm;
    private final Supplier<Window> window;
    private final Consumer<String> status;

    FileInput(MainViewModel vm, Supplier<Window> window, Consumer<String> status) {
        this.vm = vm;
        this.window = window;
        this.status = status;
    }

    void chooseImages() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open images");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif", "*.tif", "*.tiff",
                        "*.webp"),
                new FileChooser.ExtensionFilter("All files", "*"));
        vm.settings().imageFolder().ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        List<File> files = chooser.showOpenMultipleDialog(window.get());
        if (files != null && !files.isEmpty()) {
            vm.images().add(files.stream().map(File::toPath).toList());
        }
    }

    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images");
        vm.settings().imageFolder().ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        File dir = chooser.showDialog(window.get());
        if (dir != null) {
            vm.images().add(List.of(dir.toPath()));
        }
    }

    /** Files from the clipboard open like dropped ones; an image becomes a new entry of the strip. */
    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles()) {
            vm.open(clipboard.getFiles().stream().map(File::toPath).toList());
        } else if (clipboard.hasImage()) {
            vm.images().addPixels(null, SwingFXUtils.fromFXImage(clipboard.getImage(), null));
        } else if (clipboard.hasString() && !clipboard.getString().isBlank()) {
            try {
                Path p = Path.of(clipboard.getString().strip());
                vm.open(List.of(p));
            } catch (java.nio.file.InvalidPathException e) {
                status.accept("The clipboard holds no image or file");
            }
        } else {
            status.accept("The clipboard holds no image or file");
        }
    }

    /** Files and images dropped on {@code target} open as if chosen. */
    void installDrops(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasImage()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles()) {
                vm.open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                done = true;
            } else if (e.getDragboard().hasImage()) {
                vm.images().addPixels(null, SwingFXUtils.fromFXImage(e.getDragboard().getImage(), null));
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }
}
