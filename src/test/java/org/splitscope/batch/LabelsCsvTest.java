package org.splitscope.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.SplitScopeException;

class LabelsCsvTest {
    @TempDir
    Path dir;

    private List<DatasetInput.Item> read(String text) throws Exception {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        return DatasetInput.list(dir, csv.toString());
    }

    private String refusal(String text) {
        return assertThrows(SplitScopeException.class, () -> read(text)).getMessage();
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndTheBomIsNotPartOfTheFirstPath() throws Exception {
        List<DatasetInput.Item> items = read("\uFEFFpath,label\r\na.png,cat\r\n\"b,1.png\",\"tabby, cat\"\r\n"
                + "c.png,\"say \"\"meow\"\"\"\n\n");
        assertEquals(3, items.size());
        assertEquals(dir.resolve("a.png"), items.get(0).file());
        assertEquals("cat", items.get(0).label());
        assertEquals(dir.resolve("b,1.png"), items.get(1).file());
        assertEquals("tabby, cat", items.get(1).label());
        assertEquals("say \"meow\"", items.get(2).label());
    }

    @Test
    void aBomBeforeARowWithoutHeaderIsDropped() throws Exception {
        List<DatasetInput.Item> items = read("\uFEFFa.png,cat\n");
        assertEquals(dir.resolve("a.png"), items.get(0).file());
    }

    @Test
    void rowsThatCannotBeReadAreRefusedWithTheirLineNumber() {
        assertTrue(refusal("path,label\na.png,cat\nb.png,dog,extra\n").contains("line 3 has 3 fields"));
        assertTrue(refusal("a.png,cat\nb.png\n").contains("line 2 has 1 field,"));
        assertTrue(refusal("a.png,cat\n\nb.png,\n").contains("line 3 has an empty label"));
        String unclosed = refusal("a.png,cat\n\"b.png,dog\n");
        assertTrue(unclosed.contains("line 2 is not CSV"), unclosed);
        assertTrue(refusal("path,label\n").contains("no path,label rows"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws Exception {
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, "a.png,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        String m = assertThrows(SplitScopeException.class, () -> DatasetInput.list(dir, csv.toString())).getMessage();
        assertTrue(m.endsWith("not UTF-8 text"), m);
    }

    @Test
    void sixtyThousandDistinctLabelsAreRefusedPastTheLimitWithoutReadingOn() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            text.append("img").append(i).append(".png,class").append(i).append('\n');
        }
        String m = refusal(text.toString());
        assertTrue(m.contains("line " + (LabelsCsv.MAX_GROUPS + 1) + ": more than 10,000 distinct labels"), m);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading() throws IOException {
        Path csv = dir.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(csv.toFile(), "rw")) {
            f.setLength(LabelsCsv.MAX_BYTES + 1); // sparse: nothing is written
        }
        String m = assertThrows(SplitScopeException.class, () -> DatasetInput.list(dir, csv.toString())).getMessage();
        assertTrue(m.contains("a labels CSV may have at most"), m);
    }

    @Test
    void aFieldLongerThanTheLimitIsRefused() {
        String m = refusal("a.png,cat\n" + "x".repeat(LabelsCsv.MAX_FIELD * 5) + ".png,dog\n");
        assertTrue(m.contains("line 2"), m);
    }
}
