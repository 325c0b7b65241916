package org.finrec.data.internal.read;

import static org.finrec.data.internal.read.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finrec.data.DataFormatException;
import org.finrec.data.DatasetFormat;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import org.finrec.data.internal.store.DatasetBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSourceTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<String> rows(RowSource source) {
        List<String> rows = new ArrayList<>();
        Row row;
        while ((row = source.next()) != null) {
            rows.add(row.line() + ":" + String.join("|", cellsOf(row)));
        }
        return rows;
    }

    private static List<String> cellsOf(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            cells.add(row.get(i));
        }
        return cells;
    }

    @Test
    void numbersCsvRowsByTheLineTheyStartOn() throws IOException {
        Path file = write("a.csv", "\uFEFFid , text\r\n1,\"two\r\nlines\"\r\n\r\n2,\"say \"\"hi\"\"\"\r\n3,last");
        try (CsvRowSource source = new CsvRowSource(file, new ImportSession(ImportOptions.STRICT))) {
            Header header = source.readHeader();
            assertEquals(1, header.line());
            assertEquals("id", header.name(0), "the byte order mark and spaces are dropped");
            assertEquals(1, header.require("text"));
            assertEquals(List.of("2:1|two\r\nlines", "5:2|say \"hi\"", "6:3|last"), rows(source));
        }
    }

    @Test
    void rejectsABadHeader() throws IOException {
        Path blank = write("blank.csv", "a,,c\n");
        try (CsvRowSource source = new CsvRowSource(blank, new ImportSession(ImportOptions.LENIENT))) {
            assertProblem(assertThrows(DataFormatException.class, source::readHeader), blank, 1, null);
        }
        Path twice = write("twice.csv", "\n\na,b,a\n");
        try (CsvRowSource source = new CsvRowSource(twice, new ImportSession(ImportOptions.LENIENT))) {
            assertProblem(assertThrows(DataFormatException.class, source::readHeader), twice, 3, "a");
        }
        Path quote = write("quote.csv", "a,\"b\n1,2\n");
        try (CsvRowSource source = new CsvRowSource(quote, new ImportSession(ImportOptions.LENIENT))) {
            assertProblem(assertThrows(DataFormatException.class, source::readHeader), quote, 1, null);
        }
    }

    @Test
    void dropsOnlyTheRestOfALineWithTextAfterAClosingQuote() throws IOException {
        Path file = write("b.csv", "a,b\n1,\"x\"y,\"z\"w\n2,ok\n3,\"p\"q\n");
        ImportSession session = new ImportSession(ImportOptions.LENIENT);
        try (CsvRowSource source = new CsvRowSource(file, session)) {
            source.readHeader();
            assertEquals(List.of("3:2|ok"), rows(source));
        }
        ImportResult result = session.result(new DatasetBuilder("x", List.of())
                .build());
        assertEquals(2, result.rowsSkipped());
        assertEquals(List.of(2L, 4L), result.problems().stream().map(DataFormatException::line).toList());
    }

    @Test
    void splitsOnADelimiterKeepingEmptyCellsOrOnRunsOfWhiteSpace() throws IOException {
        Path tabs = write("t.tsv", "a\t\tc\t\n\n \t \nx\n");
        try (SplitRowSource source = SplitRowSource.delimited(tabs, new ImportSession(ImportOptions.STRICT),
                StandardCharsets.UTF_8, '\t')) {
            assertEquals(List.of("1:a||c|", "4:x"), rows(source));
        }
        Path spaces = write("s.txt", "  a  b\tc \n\n");
        try (SplitRowSource source = SplitRowSource.whitespaceSeparated(spaces,
                new ImportSession(ImportOptions.STRICT), StandardCharsets.UTF_8)) {
            Row row = source.next();
            assertArrayEquals(new String[] {"a", "b", "c"}, cellsOf(row).toArray());
            assertNull(source.next());
        }
    }

    @Test
    void reportsProgressInBytesEveryHundredThousandRowsAndAtTheEnd() throws IOException {
        Path file = dir.resolve("long.txt");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int user = 0; user < 250_000; user++) {
                out.write(user + " " + user % 100 + "\n");
            }
        }
        long size = Files.size(file);
        List<long[]> reports = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        ImportResult result = DatasetReader.of(DatasetFormat.SEQUENCE).read(file,
                ImportOptions.STRICT.withProgress((step, done, total) -> {
                    steps.add(step);
                    reports.add(new long[] {done, total});
                }));
        assertEquals(250_000, result.rowsRead());
        assertEquals(3, reports.size(), "at 100,000 and 200,000 rows and at the end");
        assertEquals("reading long.txt", steps.get(0));
        for (int i = 0; i < reports.size(); i++) {
            assertEquals(size, reports.get(i)[1]);
            assertTrue(i == 0 || reports.get(i)[0] >= reports.get(i - 1)[0]);
        }
        assertTrue(reports.get(0)[0] > 0 && reports.get(0)[0] < size);
        assertEquals(size, reports.get(2)[0]);
    }

    @Test
    void keepsTheFirstHundredProblemsAndCountsThemAll() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 250; line++) {
            text.append(line % 2 == 0 ? "u" + line + " i\n" : "lonely" + line + "\n");
        }
        Path file = write("gaps.txt", text.toString());
        ImportResult result = DatasetReader.of(DatasetFormat.SEQUENCE).read(file, ImportOptions.LENIENT);
        assertEquals(250, result.rowsRead());
        assertEquals(125, result.rowsSkipped());
        assertEquals(ImportSession.MAX_PROBLEMS, result.problems().size());
        assertEquals(2, result.problems().get(0).line());
        assertEquals(200, result.problems().get(99).line());
        assertEquals(125, result.dataset().customerCount());
    }

    @Test
    void settingsFallBackToTheirDefaults() {
        ImportSession session = new ImportSession(new ImportOptions(true, (s, d, t) -> { }, " ",
                Map.of("a", " x ", "b", " ")));
        assertEquals("x", session.setting("a", "y"));
        assertEquals("y", session.setting("b", "y"));
        assertEquals("y", session.setting("c", "y"));
        assertTrue(session.hasSetting("a"));
        assertTrue(!session.hasSetting("b"));
        assertEquals("derived", session.datasetName("derived"), "a blank name is no name");
    }
}
