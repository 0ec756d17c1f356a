package org.splitscope.figure;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.view.cam.CamEvidence;
import org.splitscope.view.depth.DepthProfile;
import org.splitscope.view.featuremaps.FeatureMapGrid;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.view.gap.GapHistograms;
import org.splitscope.view.gap.GapSummary;
import org.splitscope.view.splitbars.SplitBars;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.analysis.SplitStats;
import org.splitscope.capture.BlockCapture;
import org.splitscope.io.CsvTable;

/**
 * The numbers a view shows, as a table (CSV for a spreadsheet, JSON with the provenance): the
 * attention matrix, the bars and whiskers, the GAP histograms, the feature maps' statistics.
 */
public record ViewData(List<String> columns, List<List<Object>> rows) {

    public static ViewData of(FigureRequest request, BlockCapture selected, List<BlockCapture> blocks) {
        int k = request.group() >= selected.cardinality() ? SplitContributions.ALL_GROUPS : request.group();
        int r = request.split() >= selected.radix() ? 0 : request.split();
        List<List<Object>> rows = new ArrayList<>();
        String name = selected.name();
        switch (request.view()) {
            case HEATMAPS -> {
                AttentionMatrix m = AttentionMatrix.of(selected, FigureRequest.IMAGE);
                for (int g = 0; g < m.cardinality(); g++) {
                    for (int s = 0; s < m.radix(); s++) {
                        for (int c = 0; c < m.groupChannels(); c++) {
                            rows.add(List.of(name, g, s, c, m.weight(g, s, c)));
                        }
                    }
                }
                return new ViewData(List.of("block", "group", "split", "channel", "attention"), rows);
            }
            case SPLITBARS -> {
                SplitBars b = SplitBars.of(selected, blocks, FigureRequest.IMAGE);
                for (int g = 0; g < b.groups().size(); g++) {
                    for (SplitStats s : b.groups().get(g)) {
                        rows.add(List.of(name, g, s.split(), s.channels(), s.mean(), s.min(), s.q1(), s.median(),
                                s.q3(), s.max()));
                    }
                }
                return new ViewData(List.of("block", "group", "split", "channels", "mean", "min", "q1", "median",
                        "q3", "max"), rows);
            }
            case GAP -> {
                GapHistograms h = GapHistograms.of(selected, FigureRequest.IMAGE, request.bins());
                for (GapSummary s : h.groups()) {
                    for (int i = 0; i < s.counts().length; i++) {
                        rows.add(List.of(name, s.group(), i, s.binStart() + i * s.binWidth(), s.binEnd(i),
                                s.counts()[i], s.mean(), s.std()));
                    }
                }
                return new ViewData(List.of("block", "group", "bin", "from", "to", "channels", "group_mean",
                        "group_std"), rows);
            }
            case DEPTH -> {
                // One row per block and split; entropy is empty at radix 1 (gates).
                for (DepthProfile.Block b : DepthProfile.of(blocks, FigureRequest.IMAGE).blocks()) {
                    for (int s = 0; s < b.radix(); s++) {
                        rows.add(List.of(b.name(), b.stage(), b.radix(), b.channels(), b.entropy(), b.entropyStd(),
                                b.saturation(), s, b.splitMean()[s], b.splitStd()[s]));
                    }
                }
                return new ViewData(List.of("block", "stage", "radix", "channels", "entropy_mean", "entropy_std",
                        "saturation", "split", "attention_mean", "attention_std"), rows);
            }
            case FEATUREMAPS -> {
                FeatureMapGrid grid = FeatureMapGrid.of(selected, FigureRequest.IMAGE, r, k, request.order());
                String source = r == FeatureMaps.FUSED ? selected.words().outputSymbol()
                        : selected.words().channelGate() ? "X" : "U_" + r;
                for (FeatureMapGrid.Tile t : grid.tiles()) {
                    rows.add(List.of(name, source, t.channel(), t.group(), t.min(), t.max(), t.mean(), t.weight()));
                }
                return new ViewData(List.of("block", "source", "channel", "group", "min", "max", "mean",
                        "attention"), rows);
            }
        }
        throw new IllegalArgumentException(request.view().id());
    }

    /**
     * The Grad-CAM view's numbers, one value a row: the raw CAM on its own grid, each split's
     * contribution map, and per split its mean attention and correlation with the CAM.
     */
    public static ViewData of(CamEvidence e) {
        List<List<Object>> rows = new ArrayList<>();
        String label = e.explained().label();
        int index = e.explained().index();
        for (int y = 0; y < e.height(); y++) {
            for (int x = 0; x < e.width(); x++) {
                rows.add(List.of(e.target(), index, label, "cam", "", y, x, e.map()[y * e.width() + x]));
            }
        }
        var c = e.contributions();
        if (c != null) {
            for (int r = 0; r < c.radix(); r++) {
                for (int y = 0; y < c.height(); y++) {
                    for (int x = 0; x < c.width(); x++) {
                        rows.add(List.of(e.block(), index, label, "contribution", r, y, x, c.value(r, x, y)));
                    }
                }
            }
            for (int r = 0; r < c.radix(); r++) {
                rows.add(List.of(e.block(), index, label, "mean_attention", r, "", "", e.meanAttention()[r]));
                rows.add(List.of(e.block(), index, label, "correlation_with_cam", r, "", "", e.correlation()[r]));
            }
        }
        return new ViewData(List.of("at", "class", "label", "quantity", "split", "y", "x", "value"), rows);
    }

    /**
     * The same table with one more column holding {@code value} in every row: how a CSV, which has
     * no provenance of its own, records that the attention was forced (column {@code intervention}).
     */
    public ViewData withColumn(String name, Object value) {
        List<String> cols = new ArrayList<>(columns);
        cols.add(name);
        List<List<Object>> more = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> r = new ArrayList<>(row);
            r.add(value);
            more.add(r);
        }
        return new ViewData(List.copyOf(cols), more);
    }

    /** The table as exported with {@code provenance}: with an {@code intervention} column when attention was forced. */
    public ViewData forExport(Provenance provenance) {
        return provenance.intervention() == null ? this : withColumn("intervention", provenance.intervention());
    }

    /** RFC 4180: comma-separated, a header line, text quoted where needed and guarded against formulas. */
    public byte[] csv() {
        CsvTable table = new CsvTable("%.9g", columns.toArray(String[]::new));
        rows.forEach(table::row);
        return table.bytes();
    }

    /** {"provenance": {...}, "columns": [...], "rows": [[...], ...]}. */
    public byte[] json(Provenance provenance) {
        JsonObject root = new JsonObject();
        JsonObject info = new JsonObject();
        provenance.entries().forEach(info::addProperty);
        root.add("provenance", info);
        JsonArray cols = new JsonArray();
        columns.forEach(cols::add);
        root.add("columns", cols);
        JsonArray all = new JsonArray();
        for (List<Object> row : rows) {
            JsonArray a = new JsonArray();
            for (Object v : row) {
                if (v == null) {
                    a.add(com.google.gson.JsonNull.INSTANCE); // JSON null, not the text "null"
                } else if (v instanceof Number n) {
                    a.add(Double.isFinite(n.doubleValue()) ? n : null);
                } else {
                    a.add(String.valueOf(v));
                }
            }
            all.add(a);
        }
        root.add("rows", all);
        return new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create().toJson(root)
                .getBytes(StandardCharsets.UTF_8);
    }
}
