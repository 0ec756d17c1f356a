package org.splitscope.figure;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

/**
 * Colours and text sizes of a figure. Layout units are screen pixels on screen and points (1/72 in)
 * in files, so a printed figure's text has the size given here in pt: at least 8 pt, readable in a
 * 3.5 in column.
 *
 * @param rasterScale the fewest device pixels per layout unit that images are drawn with (a 14×14 map
 *     in a PDF is embedded at about 300 dpi, not as 14×14 pixels left to the viewer's smoothing)
 */
public record FigureStyle(Theme theme, Color background, Color text, Color muted, Color grid, Color axis,
        Color accent, Color neutral, float titleSize, float labelSize, float smallSize, float line,
        double rasterScale) {

    /** The look: {@code paper} for exports (white, near-black text), or the window's themes. */
    public enum Theme {
        PAPER, LIGHT, DARK;

        public boolean dark() {
            return this == DARK;
        }

        public static Theme parse(String s) {
            for (Theme t : values()) {
                if (t.name().equalsIgnoreCase(s.trim())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown theme '" + s + "' (paper, light or dark)");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** In the window, matching AtlantaFX's Primer light and dark themes. */
    public static FigureStyle screen(boolean dark) {
        return dark ? colours(Theme.DARK, 13, 12, 11, 1, 1) : colours(Theme.LIGHT, 13, 12, 11, 1, 1);
    }

    /**
     * Presenter mode: the paper theme's high contrast at about 1.7× the window's sizes and 1.8× its
     * line widths, readable from the back of a room on a 1280×720 projector.
     */
    public static FigureStyle presenter() {
        return colours(Theme.PAPER, 22, 20.5f, 19, 1.8f, 1);
    }

    /** In a file, sizes in points. */
    public static FigureStyle print(Theme theme) {
        return colours(theme, 9.5f, 8.5f, 8, 0.6f, 300 / 72.0);
    }

    private static FigureStyle colours(Theme theme, float title, float label, float small, float line, double raster) {
        return switch (theme) {
            case PAPER -> new FigureStyle(theme, Color.WHITE, new Color(0x111111), new Color(0x444444),
                    new Color(0xe3e3e3), new Color(0x555555), new Color(0x0550ae), new Color(0x666666), title, label,
                    small, line, raster);
            case LIGHT -> new FigureStyle(theme, Color.WHITE, new Color(0x24292f), new Color(0x57606a),
                    new Color(0xd8dee4), new Color(0x8c959f), new Color(0x0969da), new Color(0x6e7781), title, label,
                    small, line, raster);
            case DARK -> new FigureStyle(theme, new Color(0x0d1117), new Color(0xc9d1d9), new Color(0x8b949e),
                    new Color(0x30363d), new Color(0x6e7681), new Color(0x58a6ff), new Color(0x8b949e), title, label,
                    small, line, raster);
        };
    }

    /** A file rather than the screen (sizes in points, rasters at print resolution). */
    public boolean print() {
        return rasterScale > 1;
    }

    public Font title() {
        return Fonts.bold(titleSize);
    }

    public Font label() {
        return Fonts.regular(labelSize);
    }

    public Font small() {
        return Fonts.regular(smallSize);
    }

    /** The space between parts of a figure. */
    public double pad() {
        return labelSize * 0.8;
    }
}
