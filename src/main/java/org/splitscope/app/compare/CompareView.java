package org.splitscope.app.compare;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;
import org.splitscope.app.session.ImageItem;

/** The current image against a second one from the strip, or against its own enlarged centre. */
public final class CompareView extends FigureView<CompareViewModel> {
    public CompareView(CompareViewModel vm) {
        super(vm, "compare-view");
        ToggleGroup group = new ToggleGroup();
        ToggleButton image = new ToggleButton("Second image");
        ToggleButton scales = new ToggleButton("Scales 1× · 1.5× · 2×");
        image.setToggleGroup(group);
        scales.setToggleGroup(group);
        image.setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always on
            } else {
                vm.modeProperty().set(now == scales ? CompareViewModel.Mode.SCALES : CompareViewModel.Mode.IMAGE);
            }
        });
        ComboBox<ImageItem> other = new ComboBox<>(vm.strip());
        other.setPromptText("choose from the strip");
        other.setPrefWidth(260);
        other.valueProperty().bindBidirectional(vm.otherProperty());
        other.disableProperty().bind(scales.selectedProperty());
        Label title = new Label("Compare");
        title.getStyleClass().add("view-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setTop(FigureViews.header(title, image, other, scales, spacer));

        FigureViews.body(this, canvas, vm, vm::draw);
        canvas.setOnClick(vm::click);
    }
}
