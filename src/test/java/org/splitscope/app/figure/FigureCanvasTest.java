package org.splitscope.app.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.Hit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A tall figure in a scroll pane: what the canvas shows after scrolling is the drawing at that
 * offset, and the mouse is answered for the same place (an earlier paint's clip once smeared it).
 */
@ExtendWith(ApplicationExtension.class)
class FigureCanvasTest {
    private static final int BAND = 100;
    private static final Color[] COLOURS = {Color.RED, Color.GREEN, Color.BLUE, Color.ORANGE, Color.MAGENTA};
    private final FigureCanvas canvas = new FigureCanvas();
    private ScrollPane scroll;

    /** Twenty bands, 100 units each, in five colours; each band a hit target (its index). */
    private static Drawing bands(double width) {
        FigureStyle s = FigureStyle.screen(false);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hits.add(Hit.of(new Rectangle2D.Double(0, i * BAND, width, BAND), i));
        }
        return new Drawing(width, 20 * BAND, s, g -> {
            for (int i = 0; i < 20; i++) {
                g.setColor(COLOURS[i % COLOURS.length]);
                g.fill(new Rectangle2D.Double(0, i * BAND, width, BAND));
            }
        }, hits);
    }

    @Start
    void start(Stage stage) {
        scroll = new ScrollPane(canvas);
        scroll.setFitToWidth(true);
        canvas.showIn(scroll);
        canvas.setSource(FigureCanvasTest::bands);
        stage.setScene(new Scene(scroll, 400, 300));
        stage.show();
    }

    @Test
    void afterScrollingTheVisiblePartIsTheDrawingThere(FxRobot robot) {
        for (double v : new double[] {0.35, 0.8, 0.1}) {
            robot.interact(() -> scroll.setVvalue(v));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                var image = SwingFXUtils.fromFXImage(canvas.canvas().snapshot(null, null), null);
                double top = canvas.canvas().getLayoutY();
                assertTrue(image.getHeight() <= 310, "only about the viewport is painted: " + image.getHeight());
                for (int y = 5; y < image.getHeight() - 5; y += 10) {
                    int band = (int) ((top + y) / BAND);
                    assertEquals(COLOURS[band % COLOURS.length].getRGB(), image.getRGB(20, y),
                            "row " + y + " of the canvas at " + top + " (vvalue " + v + ")");
                    assertEquals(band, canvas.hit(20, top + y), "the hit there names the same band");
                }
            });
        }
    }
}
