package org.splitscope.app.plot;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/** A canvas that fills its region and repaints itself when resized: the drawing surface of every chart. */
public class PlotCanvas extends Region {

    @FunctionalInterface
    public interface Painter {
        void paint(GraphicsContext g, double width, double height);
    }

    private final Canvas canvas = new Canvas();
    private Painter painter = (g, w, h) -> {};

    public PlotCanvas() {
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(400, 240);
        getStyleClass().add("plot-canvas");
    }

    public void setPainter(Painter painter) {
        this.painter = painter;
        redraw();
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    public void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w > 0 && h > 0) {
            g.save();
            painter.paint(g, w, h);
            g.restore();
        }
    }
}
