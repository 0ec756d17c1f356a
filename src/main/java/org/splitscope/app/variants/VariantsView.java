package org.splitscope.app.variants;

import javafx.scene.control.Label;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;

/** The current image through every bundled variant, with the ablation table: radix and cardinality side by side. */
public final class VariantsView extends FigureView<VariantsViewModel> {
    public VariantsView(VariantsViewModel vm) {
        super(vm, "variants-view");
        Label title = new Label("Radix and cardinality side by side · every bundled variant on this image");
        title.getStyleClass().add("view-title");
        setTop(FigureViews.header(title));

        FigureViews.body(this, canvas, vm, vm::draw);
    }
}
