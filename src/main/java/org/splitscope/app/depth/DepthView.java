package org.splitscope.app.depth;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.splitscope.app.export.Exportable;
import org.splitscope.app.figure.FigureCanvas;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.app.figure.FigureViews;

/** Entropy, saturation and split preference over every block in depth order; click a block to select it. */
public final class DepthView extends BorderPane implements Exportable {
    private final DepthViewModel vm;
    private final FigureCanvas canvas = new FigureCanvas();

    public DepthView(DepthViewModel vm) {
        this.vm = vm;
        FigureViews.style(this, "depth-view");
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

    @Override
    public FigureViewModel figureModel() {
        return vm;
    }

    @Override
    public FigureCanvas canvas() {
        return canvas;
    }
}
