package org.splitscope.checkpoint;

/**
 * Thrown inside the unpickler (whose hooks cannot throw checked exceptions) when a pickle breaks
 * the rules; the message is shown to the user as-is, after the file name.
 */
final class PickleRefusal extends RuntimeException {
    PickleRefusal(String message) {
        super(message, null, false, false);
    }

    /** Module, class and key names come from the file: keep them printable and short. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 100; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > 100 ? out + "..." : out.toString();
    }
}
