package org.finrec.data.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.finrec.data.DataFormatException;

/**
 * Streams the data rows of one file, never holding more than a row: skips blank lines, counts rows, rejects rows
 * that cannot be split or have the wrong number of columns through the {@link ImportSession} (thrown in strict
 * mode, counted in lenient mode), and reports progress in bytes every {@value #PROGRESS_EVERY_ROWS} rows and at
 * the end. Subclasses split lines; see {@link CsvRowSource} and {@link SplitRowSource}.
 */
abstract class RowSource implements AutoCloseable {

    /** How often progress is reported, in rows. */
    static final int PROGRESS_EVERY_ROWS = 100_000;

    private final Path file;
    private final ImportSession session;
    private final CountingInputStream bytes;
    private final long size;
    private final String step;
    private Header header;
    private boolean fixedColumnCount;
    private long rows;

    /**
     * Opens a file.
     *
     * @throws DataFormatException if the file is missing, not a regular file or unreadable
     */
    RowSource(Path file, ImportSession session) {
        this.file = file;
        this.session = session;
        if (!Files.exists(file)) {
            throw new DataFormatException(file, 0, null, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, 0, null, "not a regular file");
        }
        try {
            this.size = Files.size(file);
            this.bytes = new CountingInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw new DataFormatException(file, 0, null, "cannot read the file: " + e);
        }
        this.step = "reading " + file.getFileName();
        this.header = Header.of(file);
    }

    /** Returns the file. */
    final Path file() {
        return file;
    }

    /** Returns the raw bytes of the file, for the subclass to decode; read only through the subclass. */
    final InputStream input() {
        return bytes;
    }

    /**
     * Splits the next record.
     *
     * @return its cells, or null at the end of the file
     * @throws DataFormatException if the record cannot be split (for example an unterminated quote); the source
     *     must be able to go on after it
     * @throws IOException if the file cannot be read
     */
    abstract String[] readCells() throws IOException;

    /** Returns the 1-based line on which the record last returned by {@link #readCells()} starts. */
    abstract long cellsLine();

    /**
     * Reads the first non-blank line as the header; every later row must have as many columns.
     *
     * @return the header
     * @throws DataFormatException in both modes when the file is empty or the header is malformed
     */
    final Header readHeader() {
        String[] cells;
        do {
            cells = readOrFail();
        } while (cells != null && isBlank(cells));
        if (cells == null) {
            throw new DataFormatException(file, 0, null, "the file is empty; expected a header line");
        }
        header = Header.parse(file, cellsLine(), cells);
        fixedColumnCount = true;
        return header;
    }

    /**
     * Names the columns of a file without a header line.
     *
     * @param names the column names
     * @param exactCount whether every row must have exactly {@code names.size()} columns
     */
    final void nameColumns(Header names, boolean exactCount) {
        this.header = names;
        this.fixedColumnCount = exactCount;
    }

    /**
     * Returns the next well-formed row; rejects malformed ones on the way.
     *
     * @return the row, or null at the end of the file
     * @throws DataFormatException in strict mode at the first malformed row, and in both modes if the file cannot
     *     be read
     */
    final Row next() {
        while (true) {
            String[] cells;
            try {
                cells = readCells();
            } catch (DataFormatException malformed) {
                countRow();
                session.reject(malformed);
                continue;
            } catch (IOException e) {
                throw cannotRead(e);
            }
            if (cells == null) {
                session.progress().progress(step, bytes.count(), size);
                return null;
            }
            if (isBlank(cells)) {
                continue;
            }
            countRow();
            if (fixedColumnCount && cells.length != header.size()) {
                int first = Math.min(cells.length, header.size());
                session.reject(new DataFormatException(file, cellsLine(), header.name(first),
                        "expected " + header.size() + " columns, found " + cells.length));
                continue;
            }
            return new Row(header, cells, cellsLine());
        }
    }

    /**
     * Hands every well-formed row to a handler; a {@link DataFormatException} thrown by the handler rejects that
     * row. Handlers must check a row completely before they change anything, so that a rejected row leaves no
     * trace.
     *
     * @param handler takes one row
     */
    final void forEachRow(Consumer<Row> handler) {
        Row row;
        while ((row = next()) != null) {
            try {
                handler.accept(row);
            } catch (DataFormatException problem) {
                session.reject(problem);
            }
        }
    }

    @Override
    public void close() {
        try {
            bytes.close();
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    private String[] readOrFail() {
        try {
            return readCells();
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    private void countRow() {
        session.countRow(file, cellsLine());
        if (++rows % PROGRESS_EVERY_ROWS == 0) {
            session.progress().progress(step, bytes.count(), size);
        }
    }

    private DataFormatException cannotRead(IOException e) {
        return new DataFormatException(file, 0, null, "cannot read the file: " + e);
    }

    private static boolean isBlank(String[] cells) {
        return cells.length == 0 || cells.length == 1 && cells[0].isBlank();
    }
}
