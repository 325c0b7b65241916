package org.finrec.data;

import java.nio.file.Path;

/**
 * Input that a reader cannot accept, located precisely: the file, the 1-based line, the field (column name) and
 * the reason. The message reads {@code file:line: field 'name': reason}.
 */
public class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String field;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param file the file being read, not null
     * @param line the 1-based line number, or 0 when the problem concerns the whole file
     * @param field the column or field name, or null when the problem concerns the whole line
     * @param reason what is wrong, for people
     */
    public DataFormatException(Path file, long line, String field, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field != null ? "field '" + field + "': " : "") + reason);
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    /**
     * Returns the file being read.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the 1-based line number.
     *
     * @return the line, or 0 for a problem with the whole file
     */
    public long line() {
        return line;
    }

    /**
     * Returns the field at fault.
     *
     * @return the column name, or null for a problem with the whole line or file
     */
    public String field() {
        return field;
    }

    /**
     * Returns what is wrong.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
