package org.splitscope.checkpoint;

/**
 * Text from a file, made safe for a one-line user message. Never calls toString on containers
 * (a pickle can build self-referencing or million-deep lists whose toString overflows the stack).
 */
final class Messages {
    private Messages() {}

    private static final int MAX = 100;

    /** Control characters become visible escapes (as everywhere: io.Printable), long text is cut. */
    static String printable(String text) {
        String head = text.length() > MAX ? text.substring(0, MAX) : text;
        return org.splitscope.io.Printable.clean(head) + (text.length() > MAX ? "..." : "");
    }

    /** A short, safe description of an unpickled value. */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return "'" + printable(s) + "'";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return printable(value.toString());
        }
        if (value instanceof TensorRef) {
            return "a tensor";
        }
        if (value instanceof java.util.Map<?, ?>) {
            return "a dict";
        }
        if (value instanceof java.util.List<?>) {
            return "a list";
        }
        if (value instanceof Object[]) {
            return "a tuple";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
