package org.splitscope.app.variants;

import javafx.scene.control.Label;
import org.splitscope.app.figure.FigureView;
import org.splitscope.app.figure.FigureViews;

/** The current image through every bundled model, with the ablation table: every mechanism, radix and cardinality side by side. */
public final class VariantsView extends FigureView<VariantsViewModel> {
    public VariantsView(VariantsViewModel vm) {
        super(vm, "variants-view");
        Label title = new Label("SE, ECA, SK and split attention side by side · every bundled model on this image");
        title.getStyleClass().add("view-title");
        Label notice = new Label();
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        setTop(new javafx.scene.layout.VBox(FigureViews.header(title), notice));

        FigureViews.body(this, canvas, vm, (w, style, room) -> vm.draw(w, style, room));
    }
}
