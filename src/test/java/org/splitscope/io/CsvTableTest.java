package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {
    @Test
    void quotesOnlyWhereRfc4180NeedsItWithCrlfLines() {
        byte[] bytes = new CsvTable("%.3f", "group", "value").row("plain", 1.5).row("a,b", 2).row("say \"hi\"", null)
                .row("two\nlines", Double.NaN).bytes();
        assertEquals("group,value\r\nplain,1.500\r\n\"a,b\",2\r\n\"say \"\"hi\"\"\",\r\n\"two\nlines\",\r\n",
                new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void textThatLooksLikeAFormulaIsNeutralisedNumbersAreNot() {
        String csv = new String(new CsvTable("%.2f", "label", "n", "x")
                .row("=HYPERLINK(\"http://x\")", -3, -0.25)
                .row("+1", 0, 1.0)
                .row("-2", 0, 1.0)
                .row("@SUM(A1)", 0, 1.0)
                .row("\tTAB", 0, 1.0)
                .row("a=b", -1L, -1e-3).bytes(), StandardCharsets.UTF_8);
        List<List<String>> rows = parse(csv);
        assertEquals(List.of("'=HYPERLINK(\"http://x\")", "-3", "-0.25"), rows.get(1));
        assertEquals(List.of("'+1", "0", "1.00"), rows.get(2));
        assertEquals(List.of("'-2", "0", "1.00"), rows.get(3));
        assertEquals(List.of("'@SUM(A1)", "0", "1.00"), rows.get(4));
        assertEquals(List.of("'\tTAB", "0", "1.00"), rows.get(5));
        assertEquals(List.of("a=b", "-1", "-0.00"), rows.get(6)); // only a leading sign is a formula
    }

    @Test
    void roundTripsThroughAReaderUnicodeIncluded() {
        List<String> names = Arrays.asList("café", "名前", "x,y", "q\"q", "", "line\r\nbreak");
        CsvTable table = new CsvTable("%.1f", "name", "i");
        for (int i = 0; i < names.size(); i++) {
            table.row(names.get(i), i);
        }
        List<List<String>> rows = parse(new String(table.bytes(), StandardCharsets.UTF_8));
        for (int i = 0; i < names.size(); i++) {
            assertEquals(List.of(names.get(i), String.valueOf(i)), rows.get(i + 1));
        }
    }

    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        for (CsvRecord r : CsvReader.builder().ofCsvRecord(csv)) {
            rows.add(r.getFields());
        }
        return rows;
    }
}
