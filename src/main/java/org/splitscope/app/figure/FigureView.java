package org.splitscope.app.figure;

import javafx.scene.layout.BorderPane;

/** What every figure view is: its view model and the canvas that shows its figure, exportable. */
public abstract class FigureView<M extends FigureViewModel> extends BorderPane implements Exportable {
    protected final M vm;
    protected final FigureCanvas canvas = new FigureCanvas();

    protected FigureView(M vm, String styleClass) {
        this.vm = vm;
        FigureViews.style(this, styleClass);
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
