package org.splitscope.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every CSV file the program writes (summary.csv, knockout.csv, a view's exported data): RFC 4180
 * through FastCSV — comma-separated, CRLF, a header line, a field quoted when it holds a comma, a
 * quote or a line break — in UTF-8.
 *
 * <p>Cells are numbers or text. Text that a spreadsheet would take for a formula (a label or a file
 * name beginning with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, as the
 * OWASP CSV-injection rule says; numbers are written as they are, so {@code -0.25} stays a number.
 */
public final class CsvTable {
    private final StringWriter text = new StringWriter();
    private final CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF)
            .quoteStrategy(QuoteStrategies.REQUIRED).build(text);
    private final String realFormat;

    /**
     * @param realFormat how floating-point cells are written ({@code "%.6f"}); non-finite ones are
     *     left empty
     */
    public CsvTable(String realFormat, String... header) {
        this(realFormat);
        row((Object[]) header);
    }

    private CsvTable(String realFormat) {
        this.realFormat = realFormat;
    }

    /**
     * A table whose first line is {@code # provenance} (what made it; pandas reads past it with
     * {@code comment='#'}). Line breaks in it are dropped so it stays one line.
     */
    public static CsvTable withProvenance(String provenance, String realFormat, String... header) {
        CsvTable table = new CsvTable(realFormat);
        table.text.write("# " + provenance.replace("\r", "").replace("\n", " ") + "\r\n");
        table.row((Object[]) header);
        return table;
    }

    /**
     * One line: a {@link Number} is a number (integers as they are, Float/Double in the table's
     * format), null an empty cell, anything else text.
     */
    public CsvTable row(Object... cells) {
        List<String> fields = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            fields.add(cell(cell));
        }
        csv.writeRecord(fields);
        return this;
    }

    public CsvTable row(List<?> cells) {
        return row(cells.toArray());
    }

    /** The table as UTF-8 bytes. */
    public byte[] bytes() {
        try {
            csv.flush(); // FastCSV buffers; a StringWriter cannot fail
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? String.format(Locale.ROOT, realFormat, d) : "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return text(value.toString());
    }

    /** OWASP: a text cell that begins with {@code = + - @}, tab or CR is prefixed with {@code '}. */
    static String text(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
