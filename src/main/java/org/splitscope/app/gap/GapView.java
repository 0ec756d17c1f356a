package org.splitscope.app.gap;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;

/** Per cardinal group: the histogram of s^k, its mean, std and max, and the largest channels. */
public final class GapView extends FigureView<GapViewModel> {
    public GapView(GapViewModel vm) {
        super(vm, "gap-view");
        Spinner<Integer> bins = new Spinner<>(4, 128, vm.binsProperty().get(), 4);
        bins.setPrefWidth(90);
        bins.valueProperty().addListener((obs, old, now) -> vm.binsProperty().set(now));
        Label title = new Label();
        title.getStyleClass().add("view-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.gapProperty().get() == null ? ""
                : "GAP vector " + (vm.gapProperty().get().words().pooled().equals("s") ? "s" : "sᵏ")
                + " per cardinal group · " + vm.gapProperty().get().block() + "  (K = "
                + vm.gapProperty().get().groups().size() + ")", vm.gapProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setTop(FigureViews.header(title, spacer, new Label("Bins"), bins));

        FigureViews.body(this, canvas, vm, vm::draw);
    }
}
