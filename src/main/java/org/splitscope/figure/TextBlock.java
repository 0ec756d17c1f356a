package org.splitscope.figure;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;

/** A text wrapped to a width: figure titles and notes, which must not be cut off in a narrow column. */
public record TextBlock(List<String> lines, Font font) {

    public static TextBlock of(String text, Font font, double width) {
        return new TextBlock(List.copyOf(Draw.wrap(text, font, width)), font);
    }

    public double height() {
        return lines.size() * Fonts.lineHeight(font);
    }

    /** Painted with its first line's top at y, in the current colour. */
    public void paint(Graphics2D g, double x, double y) {
        g.setFont(font);
        for (int i = 0; i < lines.size(); i++) {
            Draw.text(g, lines.get(i), x, y + i * Fonts.lineHeight(font), Draw.H.LEFT, Draw.V.TOP);
        }
    }
}
