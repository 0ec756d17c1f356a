package org.splitscope.app.images;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.splitscope.app.figure.FxImages;
import org.splitscope.capture.Prediction;

/** The input as the network saw it and its top-5 classes. */
public final class PredictionsPanel extends VBox {
    private final ImageView input = new ImageView();
    private final Label name = new Label();
    private final GridPane top = new GridPane();

    public PredictionsPanel(ImagesViewModel vm) {
        getStyleClass().add("predictions-panel");
        getStylesheets().add(PredictionsPanel.class.getResource("images.css").toExternalForm());
        input.setFitWidth(96);
        input.setFitHeight(96);
        input.setPreserveRatio(true);
        input.setSmooth(false);
        name.getStyleClass().add("image-name");
        name.setWrapText(true);
        name.setMaxWidth(250);
        Label caption = new Label("network input");
        caption.getStyleClass().add("caption");
        top.setHgap(8);
        top.setVgap(1);
        top.getStyleClass().add("top5");
        VBox side = new VBox(2, name, top);
        HBox.setHgrow(side, Priority.ALWAYS);
        VBox preview = new VBox(2, input, caption);
        HBox head = new HBox(10, preview, side);
        head.setAlignment(Pos.TOP_LEFT);
        getChildren().add(head);
        setPrefWidth(390);
        setMinWidth(390);
        vm.inputProperty().addListener((obs, old, now) -> input.setImage(now == null ? null : FxImages.of(now)));
        vm.predictionsProperty().addListener((obs, old, now) -> show(now));
        vm.inputProperty().addListener((obs, old, now) -> {
            var c = vm.capture();
            name.setText(c == null ? "" : c.image().name());
        });
        show(vm.predictionsProperty().get());
    }

    private void show(List<Prediction> predictions) {
        top.getChildren().clear();
        if (predictions.isEmpty()) {
            Label none = new Label("Predictions appear here");
            none.getStyleClass().add("caption");
            top.add(none, 0, 0);
            return;
        }
        int row = 0;
        for (Prediction p : predictions) {
            Label label = new Label(p.label());
            label.setMaxWidth(170);
            label.setMinWidth(90);
            label.setTooltip(new javafx.scene.control.Tooltip(p.label() + " (class " + p.index() + ")"));
            label.getStyleClass().add(row == 0 ? "best" : "class");
            ProgressBar bar = new ProgressBar(p.probability());
            bar.setPrefWidth(64);
            bar.setMinWidth(40);
            bar.setPrefHeight(8);
            GridPane.setHgrow(bar, Priority.ALWAYS);
            Label value = new Label(String.format(Locale.ROOT, "%.1f %%", p.probability() * 100));
            value.getStyleClass().add("probability");
            value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            top.addRow(row++, label, bar, value);
        }
    }
}
