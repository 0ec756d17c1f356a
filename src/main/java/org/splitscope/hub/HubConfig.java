package org.splitscope.hub;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;
import org.splitscope.io.SavedJson;

/**
 * A repository's {@code config.json}, read for the one thing SplitScope takes from it: timm's
 * {@code architecture}. Bounded: at most {@link #MAX_BYTES} and {@link #MAX_DEPTH} levels of nesting
 * (timm's are about 1 KB and 2 deep), so a huge or deeply nested file is a one-line refusal, not an
 * OutOfMemoryError or StackOverflowError.
 */
public final class HubConfig {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_DEPTH = 32;

    private HubConfig() {}

    /** {@code architecture}, if the file names one. */
    public static Optional<String> architecture(Path file) throws SplitScopeException {
        String where = "config.json " + Printable.clean(file.toString());
        JsonElement root;
        try {
            byte[] bytes = SmallFiles.read(file, MAX_BYTES, "config.json");
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (SavedJson.depth(text) > MAX_DEPTH) {
                throw new SplitScopeException(where + ": nested deeper than " + MAX_DEPTH + " levels");
            }
            JsonReader reader = new JsonReader(new StringReader(text));
            root = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new JsonParseException("text after the JSON value");
            }
        } catch (CharacterCodingException e) {
            throw new SplitScopeException(where + ": not UTF-8 text");
        } catch (com.google.gson.stream.MalformedJsonException e) {
            throw new SplitScopeException(where + ": not valid JSON (" + gsonReason(e) + ")");
        } catch (IOException e) {
            throw new SplitScopeException(where + ": " + Downloader.reason(e));
        } catch (JsonParseException | IllegalStateException e) {
            throw new SplitScopeException(where + ": not valid JSON (" + gsonReason(e) + ")");
        }
        if (!root.isJsonObject()) {
            throw new SplitScopeException(where + ": not a JSON object");
        }
        JsonElement arch = root.getAsJsonObject().get("architecture");
        if (arch == null || arch.isJsonNull()) {
            return Optional.empty();
        }
        if (!arch.isJsonPrimitive() || !arch.getAsJsonPrimitive().isString()) {
            throw new SplitScopeException(where + ": \"architecture\" is not a string");
        }
        return Optional.of(arch.getAsString());
    }

    /** Gson's message, without its troubleshooting link and JSON path, short and printable. */
    private static String gsonReason(Exception e) {
        Throwable t = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("\\s*See https?://\\S+", "").replaceAll(" path \\$\\S*", "");
        return Printable.clean(m.length() > 120 ? m.substring(0, 120) + "…" : m);
    }
}
