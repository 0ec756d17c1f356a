package org.splitscope.app.plot;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Colours and fonts of everything drawn on canvases, matching AtlantaFX's Primer light and dark
 * themes, so figures sit in the window and export with its background.
 */
public record PlotStyle(boolean dark, Color background, Color text, Color muted, Color grid, Color axis,
        Color accent, Color neutral) {

    private static final PlotStyle LIGHT = new PlotStyle(false, Color.web("#ffffff"), Color.web("#24292f"),
            Color.web("#57606a"), Color.web("#d8dee4"), Color.web("#8c959f"), Color.web("#0969da"), Color.web("#6e7781"));
    private static final PlotStyle DARK = new PlotStyle(true, Color.web("#0d1117"), Color.web("#c9d1d9"),
            Color.web("#8b949e"), Color.web("#30363d"), Color.web("#6e7681"), Color.web("#58a6ff"), Color.web("#8b949e"));

    public static PlotStyle of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    public Font font() {
        return Font.font("System", 12);
    }

    public Font small() {
        return Font.font("System", 10.5);
    }

    public Font title() {
        return Font.font("System", FontWeight.BOLD, 13);
    }

    public static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }
}
