package org.splitscope.app.splitbars;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;
import org.splitscope.view.splitbars.SplitBarsFigure;

/** Bar charts of attention per split and group, stacked or with whiskers, and a small multiple per block. */
public final class SplitBarsView extends FigureView<SplitBarsViewModel> {
    public SplitBarsView(SplitBarsViewModel vm) {
        super(vm, "split-bars-view");
        ComboBox<SplitBarsFigure.Whiskers> whiskers = new ComboBox<>();
        whiskers.getItems().setAll(SplitBarsFigure.Whiskers.values());
        whiskers.valueProperty().bindBidirectional(vm.whiskersProperty());
        whiskers.disableProperty().bind(vm.stackedProperty());
        CheckBox stacked = new CheckBox("Stacked");
        stacked.selectedProperty().bindBidirectional(vm.stackedProperty());
        Label title = new Label();
        title.getStyleClass().add("view-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.barsProperty().get() == null ? ""
                : (vm.barsProperty().get().words().gate() ? "Gate · " : "Attention per "
                + vm.barsProperty().get().words().unit() + " · ") + vm.barsProperty().get().block() + "  ("
                + vm.barsProperty().get().words().name() + ")", vm.barsProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setTop(FigureViews.header(title, spacer, new Label("Whiskers"), whiskers, stacked));

        FigureViews.body(this, canvas, vm, vm::draw);
        canvas.setOnClick(vm::click);
    }
}
