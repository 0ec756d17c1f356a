package org.splitscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.splitscope.engine.LoadedModel;
import org.splitscope.engine.Origins;
import org.splitscope.model.ResNeStConfig;
import org.splitscope.model.Weights;

/** What the network is, in the paper's terms: the window's model card and the info command print these rows. */
public record ArchitectureSummary(String name, String notation, List<Row> rows) {

    public record Row(String label, String value) {}

    public static ArchitectureSummary of(LoadedModel model, String origin) {
        ResNeStConfig c = model.config();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Source", origin));
        rows.add(new Row("Architecture", model.origins().architecture()));
        rows.add(new Row("Stages", c.stages() + " (" + c.layers().stream().map(String::valueOf)
                .collect(Collectors.joining(" · ")) + " blocks)"));
        rows.add(new Row("Attention", attention(model)));
        var m = c.mechanism();
        rows.add(new Row("Radix R", c.radix() + (m == org.splitscope.model.Mechanism.SK
                ? " (M paths, softmax over paths)"
                : m == org.splitscope.model.Mechanism.SE || m == org.splitscope.model.Mechanism.ECA
                ? " (one sigmoid gate per channel: no splits)"
                : c.radix() == 1 ? " (sigmoid gate)" : c.radix() == 0 ? " (no split attention)" : "")));
        boolean grouped = c.cardinality() > 1 && c.mechanism() != org.splitscope.model.Mechanism.SPLAT
                && c.mechanism() != org.splitscope.model.Mechanism.NONE;
        rows.add(new Row("Cardinality K", c.cardinality() + (grouped ? " (3×3 conv groups; the attention has K = 1)" : "")));
        rows.add(new Row("Widths C", IntStream.range(0, c.stages()).mapToObj(s -> Integer.toString(c.groupWidth(s)))
                .collect(Collectors.joining(" · "))));
        rows.add(new Row("Parameters", parameters(Weights.count(model.network()))));
        var p = model.preprocessing();
        var origins = model.origins();
        rows.add(new Row("Input", p.size() + "×" + p.size() + (p.channels() == 1 ? " grey" : " RGB") + ", "
                + p.interpolation().name().toLowerCase(Locale.ROOT) + " (" + shortOrigin(origins.preprocessing()) + ")"));
        rows.add(new Row("Classes", c.numClasses() + " (labels: " + shortOrigin(origins.labels()) + ")"));
        rows.add(new Row("Stem", (c.deepStem() ? "deep" : "7×7") + ", stride " + c.stemStride()
                + (c.stemPool() ? ", max-pool" : "")));
        rows.add(new Row("avd pool", avd(c, origins.avd())));
        rows.add(new Row("Device", device(model)));
        return new ArchitectureSummary(model.name(), c.notation(), List.copyOf(rows));
    }

    /** The mechanism in words; SK with its paths ("selective kernel (3×3, 3×3 dilation 2)"). */
    static String attention(LoadedModel model) {
        var c = model.config();
        var blocks = model.network().blocks();
        String words = c.family() + ": " + c.mechanism().words();
        return c.mechanism() == org.splitscope.model.Mechanism.SK && !blocks.isEmpty()
                ? words + " (" + blocks.get(0).pathWords() + ")" : words;
    }

    /** The one fact the weights cannot show, with where it came from. */
    static String avd(ResNeStConfig c, String origin) {
        if (!c.avd()) {
            return "none";
        }
        return (c.avdFirst() ? "first" : "last") + " ("
                + (Origins.DEFAULT.equals(origin) ? "default: not in the weights" : shortOrigin(origin)) + ")";
    }

    /** "file metadata" → "file": rows stay one line in the sidebar. */
    private static String shortOrigin(String origin) {
        return Origins.METADATA.equals(origin) ? "file" : origin;
    }

    public static String parameters(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", n / 1e6);
        }
        if (n >= 1_000) {
            return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        }
        return Long.toString(n);
    }

    static String device(LoadedModel model) {
        return org.splitscope.engine.Devices.describe(model.device());
    }

    public String value(String label) {
        return rows.stream().filter(r -> r.label().equals(label)).map(Row::value).findFirst().orElse(null);
    }
}
