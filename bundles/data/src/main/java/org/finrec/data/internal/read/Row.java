package org.finrec.data.internal.read;

import org.finrec.data.DataFormatException;

/**
 * One data row of a file: its cells, its 1-based line number and the header that names its columns. The parse
 * methods trim the cell and throw a {@link DataFormatException} naming file, line and column when it does not
 * hold what is asked for.
 */
final class Row {

    private final Header header;
    private final String[] cells;
    private final long line;

    Row(Header header, String[] cells, long line) {
        this.header = header;
        this.cells = cells;
        this.line = line;
    }

    /** Returns the number of cells. */
    int size() {
        return cells.length;
    }

    /** Returns a cell as read. */
    String get(int column) {
        return cells[column];
    }

    /** Returns a cell without leading and trailing white space. */
    String trimmed(int column) {
        return cells[column].strip();
    }

    /** Returns the row's 1-based line number (the first line of a quoted multi-line row). */
    long line() {
        return line;
    }

    /** Returns the name of a column. */
    String field(int column) {
        return header.name(column);
    }

    /** Creates a problem with one cell of this row. */
    DataFormatException problem(int column, String reason) {
        return new DataFormatException(header.file(), line, header.name(column), reason);
    }

    /** Creates a problem with this row as a whole. */
    DataFormatException problem(String reason) {
        return new DataFormatException(header.file(), line, null, reason);
    }

    /**
     * Parses a cell as a non-blank text.
     *
     * @throws DataFormatException if the cell is blank
     */
    String requireText(int column) {
        String value = trimmed(column);
        if (value.isEmpty()) {
            throw problem(column, "must not be empty");
        }
        return value;
    }

    /**
     * Parses a cell as an {@code int}.
     *
     * @throws DataFormatException if the cell is not a whole number in the {@code int} range
     */
    int intValue(int column) {
        String value = trimmed(column);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw problem(column, "expected a whole number, found '" + value + "'");
        }
    }

    /**
     * Parses a cell as an {@code int} within bounds.
     *
     * @throws DataFormatException if the cell is not a whole number from {@code min} to {@code max}
     */
    int intValue(int column, int min, int max) {
        int value = intValue(column);
        if (value < min || value > max) {
            throw problem(column, "must be " + min + ".." + max + ", found " + value);
        }
        return value;
    }

    /** Tells whether a cell is empty or white space. */
    boolean isBlank(int column) {
        return cells[column].isBlank();
    }

    /**
     * Parses a cell as a {@code long}.
     *
     * @throws DataFormatException if the cell is not a whole number in the {@code long} range
     */
    long longValue(int column) {
        String value = trimmed(column);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw problem(column, "expected a whole number, found '" + value + "'");
        }
    }

    /**
     * Parses a cell as a finite decimal number.
     *
     * @throws DataFormatException if the cell is not a finite number
     */
    double doubleValue(int column) {
        String value = trimmed(column);
        double number = parseNumber(column, value);
        if (!Double.isFinite(number)) {
            throw problem(column, "expected a finite number, found '" + value + "'");
        }
        return number;
    }

    /**
     * Parses a cell as a number the store can hold as a {@code float}: finite and at most {@link Float#MAX_VALUE}
     * in magnitude (an income of 1.8e308 or 1e39 would otherwise be stored as infinity). Tiny values round to 0
     * as floats do.
     *
     * @throws DataFormatException naming file, line and field if the cell is not such a number
     */
    float floatValue(int column) {
        String value = trimmed(column);
        double number = parseNumber(column, value);
        if (!(Math.abs(number) <= Float.MAX_VALUE)) {
            throw problem(column, "expected a finite number of at most " + Float.MAX_VALUE
                    + " in magnitude (stored as a float), found '" + value + "'");
        }
        return (float) number;
    }

    private double parseNumber(int column, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw problem(column, "expected a number, found '" + value + "'");
        }
    }

    /**
     * Parses a cell as a {@link #floatValue} of 0 or more.
     *
     * @throws DataFormatException naming file, line and field if the cell is not such a number
     */
    float nonNegativeFloatValue(int column) {
        float number = floatValue(column);
        if (number < 0) {
            throw problem(column, "must be 0 or more, found " + trimmed(column));
        }
        return number;
    }

    /**
     * Parses a cell as a 0/1 flag.
     *
     * @throws DataFormatException if the cell is neither 0 nor 1
     */
    boolean flag(int column) {
        String value = trimmed(column);
        if (value.equals("1")) {
            return true;
        }
        if (value.equals("0")) {
            return false;
        }
        throw problem(column, "expected 0 or 1, found '" + value + "'");
    }
}
