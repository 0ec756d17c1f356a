package org.splitscope.batch;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;

/**
 * {@code --labels-from FILE.csv}: {@code path,label} rows (RFC 4180: a path or label holding a comma,
 * a quote or a line break is quoted), UTF-8 with or without a byte-order mark, an optional
 * {@code path,label} header; paths relative to the input folder or else to the CSV's folder. A row
 * that cannot be read is refused with its line number. Bounded, so that a huge or hostile file ends
 * with one line instead of exhausting memory: at most {@value #MAX_BYTES} bytes,
 * {@value #MAX_GROUPS} distinct labels (ImageNet-21k's 21,841 classes would need more memory for
 * the statistics than most machines have anyway) and {@value #MAX_FIELD} characters in a field.
 */
final class LabelsCsv {
    static final long MAX_BYTES = 256L << 20;
    static final int MAX_GROUPS = 10_000;
    static final int MAX_FIELD = 4096;

    private LabelsCsv() {}

    static List<DatasetInput.Item> read(Path csv, Path base) throws SplitScopeException {
        String name = Printable.clean(csv.toString());
        try {
            if (!Files.isRegularFile(csv)) { // a FIFO or a device would block or never end
                throw new SplitScopeException(name + ": not a file");
            }
            if (Files.size(csv) > MAX_BYTES) {
                throw new SplitScopeException(String.format(Locale.ROOT, "%s: %,d bytes; a labels CSV may have at most %,d",
                        name, Files.size(csv), MAX_BYTES));
            }
        } catch (IOException e) {
            throw new SplitScopeException(name + ": cannot read it (" + e.getMessage() + ")");
        }
        List<DatasetInput.Item> items = new ArrayList<>();
        Map<String, String> labels = new HashMap<>(); // one String per label, however many rows share it
        try (BufferedReader text = utf8(csv); CsvReader<CsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(true).extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE).allowUnclosedQuote(false)
                .maxBufferSize(MAX_FIELD * 4).ofCsvRecord(text)) {
            for (CsvRecord row : reader) {
                long line = row.getStartingLineNumber();
                if (items.isEmpty() && labels.isEmpty() && isHeader(row)) {
                    continue;
                }
                if (row.getFieldCount() != 2) {
                    throw new SplitScopeException(name + ": line " + line + " has " + row.getFieldCount()
                            + (row.getFieldCount() == 1 ? " field" : " fields")
                            + ", not path,label (quote a path or label that holds a comma)");
                }
                String path = row.getField(0).strip();
                String label = row.getField(1).strip();
                if (path.isEmpty() || label.isEmpty()) {
                    throw new SplitScopeException(name + ": line " + line + " has an empty " + (path.isEmpty() ? "path" : "label"));
                }
                if (path.length() > MAX_FIELD || label.length() > MAX_FIELD) {
                    throw new SplitScopeException(name + ": line " + line + ": a field of more than " + MAX_FIELD + " characters");
                }
                String shared = labels.get(label);
                if (shared == null) {
                    if (labels.size() == MAX_GROUPS) {
                        throw new SplitScopeException(String.format(Locale.ROOT, "%s: line %d: more than %,d distinct labels; "
                                + "analyze keeps statistics per label (group fewer, or split the data set)", name, line, MAX_GROUPS));
                    }
                    labels.put(label, label);
                    shared = label;
                }
                items.add(new DatasetInput.Item(resolve(base, path, name, line), shared));
            }
        } catch (CsvParseException e) {
            throw new SplitScopeException(name + ": " + lineOf(e) + "not CSV (" + Printable.clean(e.getMessage()) + ")");
        } catch (UncheckedIOException e) {
            throw new SplitScopeException(name + ": " + (e.getCause() instanceof CharacterCodingException
                    ? "not UTF-8 text" : "cannot read it (" + e.getCause().getMessage() + ")"));
        } catch (IOException e) {
            throw new SplitScopeException(name + ": " + (e instanceof CharacterCodingException
                    ? "not UTF-8 text" : "cannot read it (" + e.getMessage() + ")"));
        }
        if (items.isEmpty()) {
            throw new SplitScopeException(name + ": no path,label rows");
        }
        return items;
    }

    /** UTF-8 that refuses malformed bytes (instead of turning them into U+FFFD), without a BOM. */
    private static BufferedReader utf8(Path csv) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(csv),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static boolean isHeader(CsvRecord row) {
        return row.getFieldCount() == 2 && row.getField(0).strip().equalsIgnoreCase("path")
                && row.getField(1).strip().equalsIgnoreCase("label");
    }

    private static Path resolve(Path base, String path, String name, long line) throws SplitScopeException {
        try {
            return base.resolve(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new SplitScopeException(name + ": line " + line + ": not a path (" + Printable.clean(e.getReason()) + ")");
        }
    }

    /** FastCSV names the line where the broken record starts ("... starting at line 7 ..."). */
    private static String lineOf(CsvParseException e) {
        var m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return m.find() ? "line " + m.group(1) + " is " : "";
    }
}
