package org.splitscope.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.app.Explorers;
import org.splitscope.figure.Draw;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureStyle;

/**
 * Presenter mode on a 1280×720 projector: every view's figure, drawn in the presenter style at the
 * width the window gives it there (the full screen less the scroll bar), has all its text inside
 * the figure and no text on top of another.
 */
class PresenterLayoutTest {
    /** 1280 px screen, side panel folded away: the figure's scroll pane less its bar and insets. */
    private static final double WIDTH = 1280 - 24;

    @Test
    void noTextIsCutOffOrOverlapsAnother() throws Exception {
        try (var e = Explorers.started()) { // (-Dsplitscope.presenter.dump=DIR writes each figure as PNG)
            MainViewModel vm = e.vm();
            vm.session().presenterProperty().set(true);
            FigureStyle style = vm.session().style();
            assertEquals(FigureStyle.presenter(), style);
            vm.compare().otherProperty().set(vm.images().images().get(1));
            vm.interventions().runSweep();
            Map<String, Drawing> figures = new LinkedHashMap<>();
            figures.put("heatmaps", vm.heatmap().draw(WIDTH, style, 400));
            figures.put("splitbars", vm.splitBars().draw(WIDTH, style));
            figures.put("featuremaps", vm.featureMaps().draw(WIDTH, style));
            figures.put("gap", vm.gap().draw(WIDTH, style));
            figures.put("depth", vm.depth().draw(WIDTH, style));
            figures.put("compare", vm.compare().draw(WIDTH, style));
            figures.put("knockout", vm.interventions().draw(WIDTH, style));
            vm.viewProperty().set(MainViewModel.View.CAM); // these views compute while shown
            figures.put("cam", vm.cam().draw(WIDTH, style, 400));
            vm.viewProperty().set(MainViewModel.View.VARIANTS);
            figures.put("variants", vm.variants().draw(WIDTH, style));
            vm.viewProperty().set(MainViewModel.View.WALKTHROUGH);
            figures.put("walkthrough", vm.walkthrough().draw(WIDTH, style));
            List<String> problems = new ArrayList<>();
            for (var f : figures.entrySet()) {
                Drawing d = f.getValue();
                if (System.getProperty("splitscope.presenter.dump") != null) {
                    javax.imageio.ImageIO.write(org.splitscope.figure.FigureFiles.image(d, 72), "png",
                            new java.io.File(System.getProperty("splitscope.presenter.dump"), f.getKey() + ".png"));
                }
                List<Draw.PlacedText> texts = Draw.placedText(d);
                assertTrue(texts.size() > 3, f.getKey() + " has text");
                Rectangle2D page = new Rectangle2D.Double(-0.5, -0.5, d.width() + 1, d.height() + 1);
                for (int i = 0; i < texts.size(); i++) {
                    Draw.PlacedText a = texts.get(i);
                    if (a.text().isBlank()) {
                        continue; // nothing to read
                    }
                    if (!page.contains(a.bounds())) {
                        problems.add(f.getKey() + ": '" + a.text() + "' cut off at " + a.bounds());
                    }
                    for (int j = i + 1; j < texts.size(); j++) {
                        Rectangle2D overlap = a.bounds().createIntersection(texts.get(j).bounds());
                        // boxes include the line's ascent and descent: touching lines share a sliver
                        if (!overlap.isEmpty() && overlap.getWidth() > 1 && overlap.getHeight() > 2) {
                            problems.add(f.getKey() + ": '" + a.text() + "' overlaps '" + texts.get(j).text() + "'");
                        }
                    }
                }
            }
            assertEquals(List.of(), problems);
        }
    }
}
