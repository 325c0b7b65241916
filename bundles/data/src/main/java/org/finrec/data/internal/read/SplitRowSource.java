package org.finrec.data.internal.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a plain text file split on a single delimiter character (tab-separated RecBole and MovieLens files,
 * {@code |}-separated MovieLens metadata) or on runs of white space (sequence files). No quoting: every line is one
 * row, and a line of white space only is blank. Undecodable bytes become U+FFFD.
 */
final class SplitRowSource extends RowSource {

    /** The delimiter value that means "any run of white space". */
    private static final char WHITESPACE = 0;
    private static final String[] NO_CELLS = new String[0];

    private final BufferedReader reader;
    private final char delimiter;
    private final List<String> cells = new ArrayList<>();
    private long line;

    private SplitRowSource(Path file, ImportSession session, Charset charset, char delimiter) {
        super(file, session);
        this.reader = new BufferedReader(new InputStreamReader(input(), charset), 1 << 16);
        this.delimiter = delimiter;
    }

    /** Opens a file whose cells are separated by one character; empty cells are kept. */
    static SplitRowSource delimited(Path file, ImportSession session, Charset charset, char delimiter) {
        if (delimiter == WHITESPACE) {
            throw new IllegalArgumentException("the delimiter must be a character");
        }
        return new SplitRowSource(file, session, charset, delimiter);
    }

    /** Opens a file whose cells are separated by runs of spaces or tabs. */
    static SplitRowSource whitespaceSeparated(Path file, ImportSession session, Charset charset) {
        return new SplitRowSource(file, session, charset, WHITESPACE);
    }

    @Override
    String[] readCells() throws IOException {
        String text = reader.readLine();
        if (text == null) {
            return null;
        }
        line++;
        cells.clear();
        if (text.isBlank()) {
            return NO_CELLS;
        }
        if (delimiter == WHITESPACE) {
            splitOnWhitespace(text);
        } else {
            splitOn(text, delimiter);
        }
        return cells.toArray(new String[0]);
    }

    @Override
    long cellsLine() {
        return line;
    }

    private void splitOn(String text, char separator) {
        int start = 0;
        for (int end = text.indexOf(separator); end >= 0; end = text.indexOf(separator, start)) {
            cells.add(text.substring(start, end));
            start = end + 1;
        }
        cells.add(text.substring(start));
    }

    private void splitOnWhitespace(String text) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                cells.add(text.substring(start, i));
            }
        }
    }
}
