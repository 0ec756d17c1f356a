package org.splitscope.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splitscope.SplitScopeException;

/**
 * A JSON file this program wrote (stats.json, knockout.json) read back as untrusted input: only a
 * regular file (a FIFO or a device would block or never end), at most {@code maxBytes}, nested at most
 * {@link #MAX_DEPTH} deep (Gson recurses per level: 100,000 levels overflow the stack), and every field
 * asked for by name and type, so an edited file is refused with one line naming the file and the
 * field — never a Gson class name or an index exception.
 */
public final class SavedJson {
    /** Deeper than any file we write (3 levels) by far; deep enough never to refuse an honest file. */
    public static final int MAX_DEPTH = 64;

    private final String file;
    private final JsonObject root;

    private SavedJson(String file, JsonObject root) {
        this.file = file;
        this.root = root;
    }

    public static SavedJson read(Path path, long maxBytes) throws SplitScopeException {
        String name = path.getFileName().toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes(path, maxBytes))).toString();
        } catch (CharacterCodingException e) {
            throw new SplitScopeException(path + ": not UTF-8 text");
        }
        int depth = depth(text);
        if (depth > MAX_DEPTH) {
            throw new SplitScopeException(path + ": JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonElement e;
        try {
            e = JsonParser.parseString(text);
        } catch (JsonParseException | IllegalStateException | NumberFormatException ex) {
            throw new SplitScopeException(path + ": not valid JSON" + where(ex));
        }
        if (!e.isJsonObject()) {
            throw new SplitScopeException(path + ": not a JSON object");
        }
        return new SavedJson(name, e.getAsJsonObject());
    }

    /**
     * A regular file's bytes, at most {@code maxBytes}: checked before it is opened (a FIFO is never
     * opened, so nothing blocks) and again while reading (a file that grows meanwhile).
     */
    public static byte[] bytes(Path path, long maxBytes) throws SplitScopeException {
        if (!Files.exists(path)) {
            throw new SplitScopeException(path + ": no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new SplitScopeException(path + ": not a regular file");
        }
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new SplitScopeException(path + ": " + size + " bytes, more than the " + maxBytes
                        + " such a file can have");
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] b = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
                if (b.length > maxBytes) {
                    throw new SplitScopeException(path + ": more than the " + maxBytes + " bytes such a file can have");
                }
                return b;
            }
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SplitScopeException(path + ": permission denied");
        } catch (IOException e) {
            throw new SplitScopeException(path + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** Greatest nesting of arrays and objects, strings skipped: without building anything (before Gson recurses). */
    public static int depth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return max;
    }

    /** Gson's messages name its classes; the line and column are what a user needs. */
    private static String where(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(m);
        return at.find() ? " (at line " + at.group(1) + ", column " + at.group(2) + ")" : "";
    }

    public JsonObject root() {
        return root;
    }

    /** The file's name, for messages. */
    public String file() {
        return file;
    }

    /** A problem with one field, as the one line the user sees. */
    public SplitScopeException bad(String field, String what) {
        return new SplitScopeException(file + ": field '" + Printable.clean(field) + "' " + what);
    }

    public JsonElement get(JsonObject o, String field, String path) throws SplitScopeException {
        JsonElement e = o.get(field);
        if (e == null) {
            throw bad(path, "is missing");
        }
        return e;
    }

    public JsonObject object(JsonObject o, String field, String path) throws SplitScopeException {
        JsonElement e = get(o, field, path);
        if (!e.isJsonObject()) {
            throw bad(path, "must be an object");
        }
        return e.getAsJsonObject();
    }

    public JsonObject object(JsonElement e, String path) throws SplitScopeException {
        if (!e.isJsonObject()) {
            throw bad(path, "must be an object");
        }
        return e.getAsJsonObject();
    }

    public JsonArray array(JsonObject o, String field, String path, int maxSize) throws SplitScopeException {
        JsonElement e = get(o, field, path);
        if (!e.isJsonArray()) {
            throw bad(path, "must be an array");
        }
        if (e.getAsJsonArray().size() > maxSize) {
            throw bad(path, "has " + e.getAsJsonArray().size() + " entries, more than " + maxSize);
        }
        return e.getAsJsonArray();
    }

    /** A string, or null where {@code nullable} and the value is JSON null. */
    public String string(JsonElement e, String path, boolean nullable, int maxLength) throws SplitScopeException {
        if (e == null || e.isJsonNull()) {
            if (nullable) {
                return null;
            }
            throw bad(path, e == null ? "is missing" : "must be a string, not null");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw bad(path, "must be a string");
        }
        String s = e.getAsString();
        if (s.length() > maxLength) {
            throw bad(path, "is longer than " + maxLength + " characters");
        }
        return s;
    }

    /** A finite number in [min, max]. */
    public double number(JsonElement e, String path, double min, double max) throws SplitScopeException {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw bad(path, e == null ? "is missing" : "must be a number");
        }
        double v = number(e.getAsJsonPrimitive(), path);
        if (!(v >= min && v <= max)) {
            throw bad(path, "is " + v + ", outside " + fmt(min) + " – " + fmt(max));
        }
        return v;
    }

    /** A number that may be null. */
    public Double nullableNumber(JsonElement e, String path, double min, double max) throws SplitScopeException {
        return e == null || e.isJsonNull() ? null : number(e, path, min, max);
    }

    /** A whole number in [min, max]. */
    public long whole(JsonElement e, String path, long min, long max) throws SplitScopeException {
        double v = number(e, path, min, max);
        if (v != Math.rint(v)) {
            throw bad(path, "must be a whole number");
        }
        return (long) v;
    }

    private double number(JsonPrimitive p, String path) throws SplitScopeException {
        double v;
        try {
            v = p.getAsDouble();
        } catch (NumberFormatException e) {
            throw bad(path, "is not a number");
        }
        if (!Double.isFinite(v)) {
            throw bad(path, "is not a finite number");
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
