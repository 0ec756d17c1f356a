package org.splitscope.view.dataset;

import org.splitscope.batch.DatasetInput;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.splitscope.io.Sha256;

/**
 * Which inputs a saved run covers, so that {@code analyze merge} counts every image once: the whole
 * input list (hashed), how it was grouped, and which shards of {@code I/N} the statistics hold.
 *
 * @param inputsSha256 SHA-256 of the whole ordered input list (paths relative to their common folder,
 *     so a copy of the data set elsewhere — node-local scratch on a cluster — hashes the same; labels)
 * @param inputCount images in the whole list, all shards together
 * @param groupBy {@code label} or {@code prediction}
 * @param of N of {@code --shard I/N} (1 for a run over everything)
 * @param shards the I held (one for an analyze run; several after a merge)
 * @param incomplete shards whose run stopped before its last image
 * @param partial a merge made with {@code --partial}, shards missing or incomplete
 */
public record Coverage(String inputsSha256, int inputCount, String groupBy, int of, SortedSet<Integer> shards,
        SortedSet<Integer> incomplete, boolean partial) {

    public Coverage {
        shards = Collections.unmodifiableSortedSet(new TreeSet<>(shards));
        incomplete = Collections.unmodifiableSortedSet(new TreeSet<>(incomplete));
    }

    /** The coverage of an analyze run over shard {@code I/N} (null: all) of {@code all}. */
    public static Coverage of(List<DatasetInput.Item> all, int[] shard, boolean byPrediction) {
        return new Coverage(hash(all), all.size(), byPrediction ? "prediction" : "label", shard[1],
                new TreeSet<>(List.of(shard[0])), new TreeSet<>(), false);
    }

    static String hash(List<DatasetInput.Item> all) {
        Path common = null;
        for (DatasetInput.Item item : all) {
            Path file = item.file().toAbsolutePath().normalize();
            if (common == null) {
                common = file.getParent();
            }
            while (common != null && !file.startsWith(common)) {
                common = common.getParent();
            }
        }
        StringBuilder text = new StringBuilder();
        for (DatasetInput.Item item : all) {
            Path file = item.file().toAbsolutePath().normalize();
            Path rel = common == null ? file : common.relativize(file);
            // a tab and a newline cannot be part of a label read from a folder or a CSV line
            text.append(rel.toString().replace('\\', '/')).append('\t').append(item.label()).append('\n');
        }
        return Sha256.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The shards of N that none of the runs holds. */
    public SortedSet<Integer> missing() {
        SortedSet<Integer> missing = new TreeSet<>();
        IntStream.rangeClosed(1, of).filter(i -> !shards.contains(i)).forEach(missing::add);
        return missing;
    }

    /** All N shards there, none stopped early. */
    public boolean complete() {
        return missing().isEmpty() && incomplete.isEmpty();
    }

    /** This run's shard as stopped early (saved before its last image). */
    Coverage stoppedEarly() {
        return new Coverage(inputsSha256, inputCount, groupBy, of, shards, shards, partial);
    }

    /** The same inputs, same N: does {@code other} cover other images? */
    public boolean sameInputs(Coverage other) {
        return inputsSha256.equals(other.inputsSha256) && inputCount == other.inputCount
                && groupBy.equals(other.groupBy);
    }

    /** "1/3", "1, 3 of 4" or "1-3, 5 of 8". */
    public String describe() {
        return ranges(shards) + (shards.size() == 1 ? "/" + of : " of " + of);
    }

    /** Shard numbers as "1-3, 5, 8-9". */
    public static String ranges(SortedSet<Integer> shards) {
        StringBuilder s = new StringBuilder();
        Integer from = null;
        Integer last = null;
        for (int i : shards) {
            if (last != null && i == last + 1) {
                last = i;
                continue;
            }
            append(s, from, last);
            from = i;
            last = i;
        }
        append(s, from, last);
        return s.toString();
    }

    private static void append(StringBuilder s, Integer from, Integer last) {
        if (from == null) {
            return;
        }
        s.append(s.length() == 0 ? "" : ", ").append(from);
        if (last == from + 1) {
            s.append(", ").append(last);
        } else if (last > from + 1) {
            s.append('-').append(last);
        }
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("inputsSha256", inputsSha256);
        o.addProperty("inputCount", inputCount);
        o.addProperty("groupBy", groupBy);
        o.addProperty("of", of);
        o.add("shards", array(shards));
        o.add("incomplete", array(incomplete));
        o.add("missing", array(missing()));
        o.addProperty("complete", complete());
        o.addProperty("partial", partial);
        return o;
    }

    private static JsonArray array(SortedSet<Integer> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    /** @throws IllegalArgumentException naming the field that is not what analyze writes */
    static Coverage fromJson(JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            throw new IllegalArgumentException("coverage: not an object");
        }
        JsonObject o = element.getAsJsonObject();
        String sha = string(o, "inputsSha256");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("coverage.inputsSha256: not a SHA-256");
        }
        String groupBy = string(o, "groupBy");
        if (!groupBy.equals("label") && !groupBy.equals("prediction")) {
            throw new IllegalArgumentException("coverage.groupBy: label or prediction");
        }
        int count = number(o, "inputCount", 0, Integer.MAX_VALUE);
        int of = number(o, "of", 1, DatasetInput.MAX_SHARDS);
        SortedSet<Integer> shards = shards(o, "shards", of);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("coverage.shards: empty");
        }
        SortedSet<Integer> incomplete = shards(o, "incomplete", of);
        if (!shards.containsAll(incomplete)) {
            throw new IllegalArgumentException("coverage.incomplete: a shard that is not in coverage.shards");
        }
        JsonElement partial = o.get("partial");
        return new Coverage(sha, count, groupBy, of, shards, incomplete,
                partial != null && partial.isJsonPrimitive() && partial.getAsJsonPrimitive().isBoolean()
                        && partial.getAsBoolean());
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("coverage." + name + ": missing or not text");
        }
        return e.getAsString();
    }

    private static int number(JsonObject o, String name, int min, int max) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("coverage." + name + ": missing or not a number");
        }
        double v = e.getAsDouble();
        if (v != Math.rint(v) || v < min || v > max) {
            throw new IllegalArgumentException("coverage." + name + ": " + e + " is out of range");
        }
        return (int) v;
    }

    private static SortedSet<Integer> shards(JsonObject o, String name, int of) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() > of) {
            throw new IllegalArgumentException("coverage." + name + ": missing, not a list, or longer than N");
        }
        SortedSet<Integer> set = new TreeSet<>();
        for (JsonElement x : e.getAsJsonArray()) {
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber() || x.getAsDouble() != Math.rint(x.getAsDouble())
                    || x.getAsDouble() < 1 || x.getAsDouble() > of || !set.add(x.getAsInt())) {
                throw new IllegalArgumentException("coverage." + name + ": " + x + " is not a shard of 1.." + of
                        + " given once");
            }
        }
        return set;
    }
}
