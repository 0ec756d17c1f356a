package org.splitscope.checkpoint;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON header of a safetensors file, parsed and checked before any tensor is decoded: known
 * dtypes, non-negative shapes, offsets inside the data section that match shape x dtype, no overlap.
 */
record SafetensorsHeader(List<Entry> entries, Map<String, String> metadata) {

    /** One tensor: offsets are relative to the start of the data section. */
    record Entry(String name, ElementType type, long[] shape, long begin, long end) {
        long bytes() {
            return end - begin;
        }
    }

    static SafetensorsHeader parse(Path file, byte[] json, long dataSize) throws CheckpointException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(file, "safetensors header is not UTF-8 text");
        }
        try {
            return new Parser(file, text, dataSize).parse();
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // Gson's message ends with where the JSON broke ("at line 1 column 9 path $.w"); keep that.
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            int where = why.indexOf(" at line ");
            throw new CheckpointException(file, "safetensors header is not valid JSON"
                    + (where >= 0 ? Messages.printable(why.substring(where)) : ": " + Messages.printable(why)));
        }
    }

    /** Streams the JSON (strict mode) so duplicate names and odd values are caught, not merged. */
    private static final class Parser {
        private final Path file;
        private final JsonReader json;
        private final long dataSize;

        Parser(Path file, String text, long dataSize) {
            this.file = file;
            this.json = new JsonReader(new StringReader(text));
            this.json.setStrictness(Strictness.STRICT);
            this.dataSize = dataSize;
        }

        SafetensorsHeader parse() throws IOException, CheckpointException {
            List<Entry> entries = new ArrayList<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                if (!seen.add(name)) {
                    throw problem("safetensors header lists '" + Messages.printable(name) + "' twice");
                }
                if (name.equals("__metadata__")) {
                    readMetadata(metadata);
                } else {
                    entries.add(readEntry(name));
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw problem("safetensors header has data after its JSON object");
            }
            checkNoOverlap(entries);
            return new SafetensorsHeader(entries, metadata);
        }

        private void readMetadata(Map<String, String> metadata) throws IOException, CheckpointException {
            json.beginObject();
            while (json.hasNext()) {
                String key = json.nextName();
                if (json.peek() != JsonToken.STRING) {
                    throw problem("safetensors __metadata__ value of '" + Messages.printable(key) + "' is not a string");
                }
                metadata.put(key, json.nextString());
            }
            json.endObject();
        }

        private Entry readEntry(String name) throws IOException, CheckpointException {
            String dtype = null;
            long[] shape = null;
            long[] offsets = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "dtype" -> dtype = json.nextString();
                    case "shape" -> shape = readLongs();
                    case "data_offsets" -> offsets = readLongs();
                    default -> json.skipValue(); // unknown fields are harmless
                }
            }
            json.endObject();
            if (dtype == null || shape == null || offsets == null) {
                throw problem("tensor '" + Messages.printable(name) + "' lacks dtype, shape or data_offsets");
            }
            String typeName = dtype;
            ElementType type = ElementType.fromSafetensors(typeName)
                    .orElseThrow(() -> problem("tensor '" + Messages.printable(name) + "' has unsupported dtype '" + Messages.printable(typeName) + "'"));
            if (shape.length > Limits.MAX_RANK) {
                throw problem("tensor '" + Messages.printable(name) + "' has " + shape.length + " dimensions");
            }
            if (Arrays.stream(shape).anyMatch(d -> d < 0)) {
                throw problem("tensor '" + Messages.printable(name) + "' has an invalid shape " + Shapes.format(shape));
            }
            long numel = Shapes.numel(shape);
            if (numel < 0) {
                throw problem("tensor '" + Messages.printable(name) + "' shape " + Shapes.format(shape) + " is too large");
            }
            if (offsets.length != 2) {
                throw problem("tensor '" + Messages.printable(name) + "' needs two data_offsets, has " + offsets.length);
            }
            long begin = offsets[0];
            long end = offsets[1];
            if (begin < 0 || end < begin || end > dataSize) {
                throw problem("tensor '" + Messages.printable(name) + "' data_offsets [" + begin + ", " + end
                        + "] lie outside the data section of " + dataSize + " bytes");
            }
            long needed = Shapes.bytes(numel, type);
            if (needed != end - begin) {
                throw problem("tensor '" + Messages.printable(name) + "' data_offsets hold " + (end - begin) + " bytes but shape "
                        + Shapes.format(shape) + " of " + dtype + " needs " + needed);
            }
            if (needed > Limits.MAX_TENSOR_BYTES) {
                throw problem("tensor '" + Messages.printable(name) + "' is larger than 2 GB, which is not supported");
            }
            return new Entry(name, type, shape, begin, end);
        }

        private long[] readLongs() throws IOException {
            List<Long> values = new ArrayList<>();
            json.beginArray();
            while (json.hasNext()) {
                values.add(json.nextLong());
            }
            json.endArray();
            return values.stream().mapToLong(Long::longValue).toArray();
        }

        /** Overlapping tensors would let a small file claim its data many times over. */
        private void checkNoOverlap(List<Entry> entries) throws CheckpointException {
            List<Entry> byOffset = new ArrayList<>(entries);
            byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
            for (int i = 1; i < byOffset.size(); i++) {
                Entry previous = byOffset.get(i - 1);
                Entry current = byOffset.get(i);
                if (current.begin() < previous.end()) {
                    throw problem("tensors '" + Messages.printable(previous.name()) + "' and '" + Messages.printable(current.name()) + "' overlap in the data section");
                }
            }
        }

        private CheckpointException problem(String message) {
            return new CheckpointException(file, message);
        }
    }
}
