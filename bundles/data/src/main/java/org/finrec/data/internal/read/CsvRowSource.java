package org.finrec.data.internal.read;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.finrec.data.DataFormatException;

/**
 * Rows of a comma-separated UTF-8 file as RFC 4180 defines it (quoted fields, doubled quotes, line breaks inside
 * quotes), split by Apache Commons CSV; the same rules with another delimiter (the {@code ;} of UCI Bank Marketing)
 * on request. Malformed input becomes a {@link DataFormatException} on the line where the row starts: text after a
 * closing quote drops the rest of that line; an unterminated quote swallows the rest of the file, so reading ends
 * there. Undecodable bytes become U+FFFD.
 */
final class CsvRowSource extends RowSource {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long line;
    /** After a malformed row: the parser is inside that line, and records ending on it are its remains. */
    private boolean droppingRemains;
    private long brokenLine;

    /**
     * Opens a comma-separated file.
     *
     * @throws DataFormatException if the file is missing or unreadable
     */
    CsvRowSource(Path file, ImportSession session) {
        this(file, session, ',');
    }

    /**
     * Opens a file whose cells are separated by another character, quoted as in RFC 4180.
     *
     * @param delimiter the cell separator, such as {@code ';'}; not a quote or a line break
     * @throws DataFormatException if the file is missing or unreadable
     */
    CsvRowSource(Path file, ImportSession session, char delimiter) {
        super(file, session);
        try {
            CSVFormat format = delimiter == ',' ? FORMAT : FORMAT.builder().setDelimiter(delimiter).build();
            parser = format.parse(new InputStreamReader(input(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            close();
            throw new DataFormatException(file, 0, null, "cannot read the file: " + e);
        }
        records = parser.iterator();
    }

    @Override
    String[] readCells() throws IOException {
        while (true) {
            long linesBefore = parser.getCurrentLineNumber();
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                IOException cause = e.getCause();
                if (cause.getClass() != IOException.class) {
                    throw cause; // a failure of the file, not of its content
                }
                boolean reported = droppingRemains;
                droppingRemains = true;
                brokenLine = parser.getCurrentLineNumber();
                if (reported) {
                    continue; // one problem per broken line is enough
                }
                line = linesBefore + 1;
                throw new DataFormatException(file(), line, null, describe(cause));
            }
            if (droppingRemains) {
                droppingRemains = false;
                if (parser.getCurrentLineNumber() <= brokenLine) {
                    continue;
                }
            }
            line = linesBefore + 1;
            return record.values();
        }
    }

    @Override
    long cellsLine() {
        return line;
    }

    private static String describe(IOException lexerError) {
        String message = String.valueOf(lexerError.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "unterminated quoted field: a quote opened in this row is never closed, so the rest of the file "
                    + "cannot be read";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "text after the closing quote of a field (a quote inside a quoted field must be doubled)";
        }
        return message.replaceFirst("^\\((start)?line \\d+\\)\\s*", "");
    }
}
