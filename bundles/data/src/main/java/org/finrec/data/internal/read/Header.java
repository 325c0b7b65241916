package org.finrec.data.internal.read;

import java.nio.file.Path;
import org.finrec.data.DataFormatException;
import org.finrec.data.internal.store.StringIndex;

/**
 * The column names of a file: read from its header line, or given by the reader for formats without one. Names
 * the field of every problem found in a row.
 */
final class Header {

    private final Path file;
    private final long line;
    private final String[] names;
    private final StringIndex index;
    private final boolean lastNameRepeats;

    private Header(Path file, long line, String[] names, boolean lastNameRepeats) {
        this.file = file;
        this.line = line;
        this.names = names;
        this.lastNameRepeats = lastNameRepeats;
        this.index = new StringIndex(names.length);
        for (String name : names) {
            index.add(name);
        }
    }

    /**
     * Makes a header from the cells of a header line: trims them and drops a byte order mark.
     *
     * @throws DataFormatException if a name is blank or repeated
     */
    static Header parse(Path file, long line, String[] cells) {
        String[] names = new String[cells.length];
        StringIndex seen = new StringIndex(cells.length);
        for (int i = 0; i < cells.length; i++) {
            String name = cells[i].strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                throw new DataFormatException(file, line, null, "column " + (i + 1) + " of the header has no name");
            }
            if (seen.add(name) < 0) {
                throw new DataFormatException(file, line, name, "the header names this column twice");
            }
            names[i] = name;
        }
        return new Header(file, line, names, false);
    }

    /** Names the columns of a file without a header line. */
    static Header of(Path file, String... names) {
        return new Header(file, 0, names.clone(), false);
    }

    /**
     * Names the columns of a file without a header line whose rows continue with any number of columns like the
     * last one (as in {@code user item item ...}): those share the last name.
     */
    static Header repeatingLast(Path file, String... names) {
        return new Header(file, 0, names.clone(), true);
    }

    /** Returns the file this header belongs to. */
    Path file() {
        return file;
    }

    /** Returns the header's line number, 0 for a file without a header line. */
    long line() {
        return line;
    }

    /** Returns the number of names. */
    int size() {
        return names.length;
    }

    /** Returns the name of a column. */
    String name(int column) {
        if (column < names.length) {
            return names[column];
        }
        return lastNameRepeats && names.length > 0 ? names[names.length - 1] : "column " + (column + 1);
    }

    /** Finds a column by name; -1 when absent. */
    int indexOf(String name) {
        return index.indexOf(name);
    }

    /**
     * Finds a column that must be present.
     *
     * @throws DataFormatException naming the column when it is absent
     */
    int require(String name) {
        int column = indexOf(name);
        if (column < 0) {
            throw problem(name, "the header has no column '" + name + "'");
        }
        return column;
    }

    /** Creates a problem with this header. */
    DataFormatException problem(String field, String reason) {
        return new DataFormatException(file, line, field, reason);
    }
}
