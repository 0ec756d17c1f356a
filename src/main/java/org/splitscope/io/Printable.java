package org.splitscope.io;

/**
 * Text from files (class names, model names, file names) made safe to print on a terminal or draw
 * in a window: control and format characters — ESC sequences that recolour or rewrite the terminal,
 * newlines that forge extra output lines, bidirectional overrides that reorder text — become
 * visible escapes such as {@code \x1B} or {@code \u202E}. Everything else is kept.
 */
public final class Printable {
    private Printable() {}

    public static String clean(String text) {
        if (text == null || text.codePoints().noneMatch(Printable::unsafe)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!unsafe(c)) {
                out.appendCodePoint(c);
            } else if (c <= 0xFF) {
                out.append(String.format("\\x%02X", c));
            } else {
                out.append(String.format("\\u%04X", c));
            }
        });
        return out.toString();
    }

    private static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
