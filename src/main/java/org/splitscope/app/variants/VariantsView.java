package org.splitscope.app.variants;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.splitscope.app.export.Exportable;
import org.splitscope.app.figure.FigureCanvas;
import org.splitscope.app.figure.FigureViewModel;
import org.splitscope.app.figure.FigureViews;

/** The current image through every bundled variant, with the ablation table: radix and cardinality side by side. */
public final class VariantsView extends BorderPane implements Exportable {
    private final VariantsViewModel vm;
    private final FigureCanvas canvas = new FigureCanvas();

    public VariantsView(VariantsViewModel vm) {
        this.vm = vm;
        FigureViews.style(this, "variants-view");
        Label title = new Label("Radix and cardinality side by side · every bundled variant on this image");
        title.getStyleClass().add("view-title");
        setTop(FigureViews.header(title));

        FigureViews.body(this, canvas, vm, vm::draw);
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
