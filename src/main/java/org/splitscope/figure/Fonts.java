package org.splitscope.figure;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of every figure, bundled (DejaVu Sans, Bitstream Vera licence) so the screen,
 * PNG, SVG and PDF have the same letters and the same metrics on every machine.
 */
public final class Fonts {
    public static final String FAMILY = "DejaVu Sans";
    public static final String REGULAR_FILE = "DejaVuSans.ttf";
    public static final String BOLD_FILE = "DejaVuSans-Bold.ttf";

    /** Layouts measure text with fractional metrics, as the painters draw it. */
    public static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static final Font REGULAR = load(REGULAR_FILE);
    private static final Font BOLD = load(BOLD_FILE);

    private Fonts() {}

    private static Font load(String file) {
        try (InputStream in = open(file)) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled font " + file + " cannot be read", e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + file + " is damaged", e);
        }
    }

    /** The font file itself (PDF embedding, JavaFX). */
    public static InputStream open(String file) {
        InputStream in = Fonts.class.getResourceAsStream("fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("bundled font " + file + " is missing from the jar");
        }
        return in;
    }

    public static Font regular(float size) {
        return REGULAR.deriveFont(Font.PLAIN, size);
    }

    public static Font bold(float size) {
        return BOLD.deriveFont(Font.BOLD, size);
    }

    public static double width(Font font, String text) {
        return text.isEmpty() ? 0 : font.getStringBounds(text, FRC).getWidth();
    }

    public static LineMetrics metrics(Font font) {
        return font.getLineMetrics("Hg", FRC);
    }

    /** Baseline to baseline. */
    public static double lineHeight(Font font) {
        LineMetrics m = metrics(font);
        return m.getAscent() + m.getDescent() + m.getLeading();
    }
}
