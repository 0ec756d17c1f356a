package org.splitscope.app.main;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.splitscope.bundled.BundledModels;

/** What the centre shows before there is something to draw, and while a model opens or runs. */
final class Placeholder {
    private Placeholder() {}

    static Node of(MainViewModel vm, Runnable chooseCheckpoint, FileInput files) {
        Label icon = new Label();
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label();
        title.getStyleClass().add("placeholder-title");
        Label text = new Label();
        text.setWrapText(true);
        text.getStyleClass().add("placeholder-text");
        Button primary = new Button();
        primary.getStyleClass().add("accent");
        Button secondary = new Button();
        HBox buttons = new HBox(10, primary, secondary);
        buttons.setAlignment(Pos.CENTER);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(48, 48);
        VBox box = new VBox(14, icon, title, text, buttons, busy);
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(560, 360);
        box.getStyleClass().add("placeholder");
        StackPane pane = new StackPane(box);
        pane.getStyleClass().add("placeholder-pane");
        Runnable update = () -> {
            MainViewModel.State s = vm.stateProperty().get();
            pane.setVisible(s != MainViewModel.State.READY);
            busy.setVisible(s == MainViewModel.State.CAPTURING || s == MainViewModel.State.OPENING);
            busy.setManaged(busy.isVisible());
            switch (s) {
                case OPENING -> {
                    icon.setGraphic(new FontIcon(MaterialDesignF.FILE_CHART_OUTLINE));
                    title.setText("Opening " + vm.model().openingProperty().get() + "…");
                    text.setText("Reading the weights and building the network. The figures return once the new model "
                            + "has run on the image.");
                    primary.setVisible(false);
                    secondary.setVisible(false);
                    return;
                }
                case NO_MODEL -> {
                    icon.setGraphic(new FontIcon(MaterialDesignF.FILE_CHART_OUTLINE));
                    title.setText("No model open");
                    text.setText("Open a checkpoint… (safetensors, PyTorch .pth, DJL .params) or drop one on the window."
                            + (vm.model().bundled().isEmpty() ? "" : " Or start with a bundled model."));
                    primary.setText("Open a checkpoint…");
                    primary.setOnAction(e -> chooseCheckpoint.run());
                    BundledModels.Entry first = vm.model().bundled().stream().filter(BundledModels.Entry::isDefault)
                            .findFirst().orElse(vm.model().bundled().isEmpty() ? null : vm.model().bundled().get(0));
                    secondary.setVisible(first != null);
                    secondary.setText(first == null ? "" : "Open " + first.title());
                    secondary.setOnAction(e -> vm.model().openBundled(first));
                }
                case NO_IMAGE -> {
                    icon.setGraphic(new FontIcon(MaterialDesignI.IMAGE_OUTLINE));
                    title.setText("No image");
                    text.setText("Open images or a folder, paste one (Ctrl+V), or drop files on the window.");
                    primary.setText("Open images…");
                    primary.setOnAction(e -> files.chooseImages());
                    secondary.setVisible(true);
                    secondary.setText("Open a folder…");
                    secondary.setOnAction(e -> files.chooseFolder());
                }
                case NO_ATTENTION -> {
                    icon.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
                    title.setText("No split-attention blocks");
                    text.setText("This model has radix 0 (a ResNeXt-D baseline): there is no attention to show, only "
                            + "its predictions (bottom right). Open a model with radix 1 or more.");
                    primary.setText("Open a checkpoint…");
                    primary.setOnAction(e -> chooseCheckpoint.run());
                    secondary.setVisible(false);
                }
                case STOPPED -> {
                    icon.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
                    title.setText("The network has not run on this image");
                    text.setText("The capture was cancelled or failed. Run it again, or choose another image.");
                    primary.setText("Run again");
                    primary.setOnAction(e -> vm.session().recapture());
                    secondary.setVisible(false);
                }
                case CAPTURING -> {
                    icon.setGraphic(null);
                    title.setText("Running the network…");
                    text.setText("Capturing every split-attention block for this image.");
                    primary.setVisible(false);
                    secondary.setVisible(false);
                    return;
                }
                case READY -> {
                    return;
                }
            }
            primary.setVisible(true);
        };
        vm.stateProperty().addListener((obs, old, now) -> update.run());
        vm.model().openingProperty().addListener((obs, old, now) -> update.run());
        vm.model().bundled().addListener((javafx.collections.ListChangeListener<BundledModels.Entry>) c -> update.run());
        update.run();
        return pane;
    }
}
