package org.splitscope.figure;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Formulas as text with sub- and superscripts: {@code U_r^k}, {@code Σ_{i,j}}. Enough for the
 * walkthrough's equations without a TeX engine (JLaTeXMath is GPL with a classpath exception; a
 * dozen one-line formulas do not need it).
 */
public final class MathText {
    private MathText() {}

    private record Run(String text, int level) {}

    /** Plain text, {@code _x} / {@code _{…}} (subscript) and {@code ^x} / {@code ^{…}} (superscript). */
    private static List<Run> runs(String s) {
        List<Run> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if ((ch == '_' || ch == '^') && i + 1 < s.length()) {
                if (plain.length() > 0) {
                    out.add(new Run(plain.toString(), 0));
                    plain.setLength(0);
                }
                int level = ch == '_' ? -1 : 1;
                if (s.charAt(i + 1) == '{') {
                    int end = s.indexOf('}', i + 2);
                    end = end < 0 ? s.length() : end;
                    out.add(new Run(s.substring(i + 2, end), level));
                    i = end + 1;
                } else {
                    int end = i + 1 + Character.charCount(s.codePointAt(i + 1));
                    out.add(new Run(s.substring(i + 1, end), level));
                    i = end;
                }
            } else {
                plain.append(ch);
                i++;
            }
        }
        if (plain.length() > 0) {
            out.add(new Run(plain.toString(), 0));
        }
        return out;
    }

    private static Font scripted(Font font, int level) {
        return level == 0 ? font : font.deriveFont(font.getSize2D() * 0.7f);
    }

    public static double width(Font font, String s) {
        double w = 0;
        for (Run r : runs(s)) {
            w += Fonts.width(scripted(font, r.level()), org.splitscope.io.Printable.clean(r.text()));
        }
        return w;
    }

    /** Painted from (x, baseline) in the current font and colour. */
    public static void paint(Graphics2D g, String s, double x, double baseline) {
        Font font = g.getFont();
        double at = x;
        for (Run r : runs(s)) {
            Font f = scripted(font, r.level());
            g.setFont(f);
            double shift = r.level() > 0 ? -0.38 * font.getSize2D() : r.level() < 0 ? 0.2 * font.getSize2D() : 0;
            String text = org.splitscope.io.Printable.clean(r.text()); // control characters drawn visible
            g.drawString(text, (float) at, (float) (baseline + shift));
            at += Fonts.width(f, text);
        }
        g.setFont(font);
    }
}
