package org.splitscope.app.figure;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import org.jfree.fx.FXGraphics2D;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.Fonts;

/**
 * A figure on screen: the drawing of the figure layer painted into a canvas through FXGraphics2D,
 * laid out again when the width changes, as tall as the drawing. The mouse is answered from the
 * drawing's own hit regions — the geometry that painted it. In a scroll pane only the visible part
 * is painted (a grid of 1024 feature maps is taller than any GPU texture).
 */
public final class FigureCanvas extends Region {
    static {
        // JavaFX draws FXGraphics2D's text itself: give it the bundled font the layout measured with.
        for (String file : new String[] {Fonts.REGULAR_FILE, Fonts.BOLD_FILE}) {
            try (InputStream in = Fonts.open(file)) {
                Font.loadFont(in, 12);
            } catch (IOException e) {
                throw new IllegalStateException("bundled font " + file + " cannot be read", e);
            }
        }
    }

    /** The smallest scale presenter mode fits a figure at (text at 1.7× stays above the window's size). */
    static final double MIN_FIT = 0.6;

    private final Canvas canvas = new Canvas();
    private DoubleFunction<Drawing> source = w -> null;
    private Drawing drawing;
    private ScrollPane scroll;
    private double visibleTop;
    private boolean fit;
    private double offsetX;
    private double scale = 1;
    private double laidOutAt = -1;
    private double fittedTo = -1;
    private Consumer<Object> hover = t -> {};
    private Consumer<Object> click = t -> {};
    private Runnable exit = () -> {};

    public FigureCanvas() {
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(400, 0);
        getStyleClass().add("figure-canvas");
        canvas.setOnMouseMoved(e -> hover.accept(hit(e.getX(), e.getY() + visibleTop)));
        // (the canvas sits at offsetX: its events are in its own coordinates, the drawing's)
        canvas.setOnMouseExited(e -> exit.run());
        canvas.setOnMouseClicked(e -> {
            Object target = hit(e.getX(), e.getY() + visibleTop);
            if (target != null) {
                click.accept(target);
            }
        });
    }

    /** What to draw at a given width (null: nothing). */
    public void setSource(DoubleFunction<Drawing> source) {
        this.source = source;
        refresh();
    }

    /** Paints only what {@code pane} shows of this canvas. */
    public void showIn(ScrollPane pane) {
        this.scroll = pane;
        pane.vvalueProperty().addListener((obs, old, now) -> repaintVisible());
        pane.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (fit && now.getHeight() != fittedTo) {
                refresh();
            } else {
                repaintVisible();
            }
        });
    }

    /**
     * Presenter mode: the figure is laid out narrower, centred, until it fits the height of the scroll
     * pane, so the whole figure shows without scrolling on a projector.
     */
    public void setFitHeight(boolean fit) {
        if (this.fit != fit) {
            this.fit = fit;
            refresh();
        }
    }

    public void setOnHover(Consumer<Object> hover) {
        this.hover = hover;
    }

    public void setOnClick(Consumer<Object> click) {
        this.click = click;
    }

    public void setOnExit(Runnable exit) {
        this.exit = exit;
    }

    /** The drawing on screen now (tests read its hit regions). */
    public Drawing drawing() {
        return drawing;
    }

    public Canvas canvas() {
        return canvas;
    }

    /**
     * Scrolls the pane so the part of the figure that answers with {@code target} (e.g. the
     * walkthrough's highlighted step) is in view; nothing when it already is or the figure has none.
     */
    public void scrollToShow(Object target) {
        if (drawing == null || scroll == null) {
            return;
        }
        for (org.splitscope.figure.Hit h : drawing.hits()) {
            if (h.columns() == 1 && h.rows() == 1 && target.equals(h.target(h.area().getCenterX(),
                    h.area().getCenterY()))) {
                double view = scroll.getViewportBounds().getHeight();
                double total = Math.ceil(drawing.height() * scale);
                if (total <= view) {
                    return;
                }
                double top = scroll.getVvalue() * (total - view);
                double minY = h.area().getMinY() * scale;
                double maxY = h.area().getMaxY() * scale;
                double want = minY < top ? minY - 8 : maxY > top + view ? Math.min(minY - 8, maxY + 8 - view) : top;
                scroll.setVvalue(Math.max(0, Math.min(1, want / (total - view))));
                return;
            }
        }
    }

    /** The hit target at (x, y) of the figure, or null. */
    public Object hit(double x, double y) {
        return drawing == null ? null : drawing.hit(x / scale, y / scale);
    }

    /** Lays the figure out again at the current width and repaints it. */
    public void refresh() {
        double w = snapSizeX(getWidth());
        laidOutAt = w;
        drawing = w > 0 ? source.apply(w) : null;
        offsetX = 0;
        scale = 1;
        double room = scroll == null ? 0 : scroll.getViewportBounds().getHeight();
        fittedTo = room;
        if (fit && drawing != null && room > 100 && drawing.height() > room) {
            // The figure as laid out (its layout is what the layout checks test), shown smaller, centred;
            // not below MIN_FIT, where a projector's text gets unreadable: a taller figure then scrolls.
            scale = Math.max(MIN_FIT, (room - 1) / drawing.height());
            offsetX = Math.floor((w - drawing.width() * scale) / 2);
        }
        double h = drawing == null ? 0 : Math.ceil(drawing.height() * scale);
        if (getPrefHeight() != h) {
            setPrefHeight(h);
            setMinHeight(h);
        }
        repaintVisible();
    }

    private void repaintVisible() {
        double w = snapSizeX(getWidth());
        double h = drawing == null ? 0 : Math.ceil(drawing.height() * scale);
        double top = 0;
        double bottom = h;
        if (scroll != null && getScene() != null) {
            Bounds view = sceneToLocal(scroll.localToScene(scroll.getLayoutBounds()));
            if (view != null) {
                top = Math.max(0, Math.floor(view.getMinY()));
                bottom = Math.min(h, Math.ceil(view.getMaxY()));
            }
        }
        if (bottom <= top) {
            top = 0;
            bottom = Math.min(h, 1);
        }
        visibleTop = top;
        canvas.setLayoutY(top);
        canvas.setLayoutX(offsetX);
        w = drawing == null ? w : Math.min(w, Math.ceil(drawing.width() * scale));
        canvas.setWidth(w);
        canvas.setHeight(bottom - top);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        // The context keeps its clip and transform between paints: save and restore around each one,
        // or the next paint's clear and drawing are clipped to where the last one was.
        gc.save();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (drawing != null && w > 0) {
            FXGraphics2D g = new FXGraphics2D(gc);
            g.translate(0, -top);
            g.scale(scale, scale);
            g.clip(new java.awt.geom.Rectangle2D.Double(0, top / scale, w / scale, (bottom - top) / scale));
            drawing.paint(g);
            g.dispose();
        }
        gc.restore();
    }

    @Override
    protected void layoutChildren() {
        if (snapSizeX(getWidth()) != laidOutAt) {
            refresh();
        }
    }
}
