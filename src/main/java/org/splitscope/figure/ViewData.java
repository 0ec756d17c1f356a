package org.splitscope.figure;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.io.CsvTable;

/**
 * The numbers a view shows, as a table (CSV for a spreadsheet, JSON with the provenance). Each view
 * builds its own (e.g. {@code FigureRequest.data}); this is the table and its two file forms.
 */
public record ViewData(List<String> columns, List<List<Object>> rows) {

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
