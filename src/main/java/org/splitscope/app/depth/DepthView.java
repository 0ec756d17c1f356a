package org.splitscope.app.depth;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;

/** Entropy, saturation and split preference over every block in depth order; click a block to select it. */
public final class DepthView extends FigureView<DepthViewModel> {
    public DepthView(DepthViewModel vm) {
        super(vm, "depth-view");
        Label title = new Label();
        title.getStyleClass().add("view-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.profileProperty().get() == null ? ""
                : "Depth profile · " + vm.profileProperty().get().blocks().size() + " blocks"
                        + (vm.profileProperty().get().gates() ? " · R = 1: gate mean instead of entropy" : ""),
                vm.profileProperty()));
        setTop(FigureViews.header(title));

        FigureViews.body(this, canvas, vm, vm::draw);
        canvas.setOnClick(vm::click);
    }
}
