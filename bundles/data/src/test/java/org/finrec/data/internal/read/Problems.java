package org.finrec.data.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.finrec.data.DataFormatException;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;

/** Assertions about how readers report bad input. */
final class Problems {

    private Problems() {
    }

    /** Reads strictly, expecting a failure at the given file, line and field. */
    static DataFormatException assertStrictFailure(DatasetReader reader, Path path, Path file, long line,
            String field) {
        return assertStrictFailure(reader, path, ImportOptions.STRICT, file, line, field);
    }

    /** Reads strictly with options, expecting a failure at the given file, line and field. */
    static DataFormatException assertStrictFailure(DatasetReader reader, Path path, ImportOptions options,
            Path file, long line, String field) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(path, options));
        assertProblem(e, file, line, field);
        return e;
    }

    /** Checks where a problem lies, and that its message says so. */
    static void assertProblem(DataFormatException e, Path file, long line, String field) {
        assertEquals(file.toAbsolutePath().normalize(), e.file().toAbsolutePath().normalize(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertFalse(e.reason().isBlank(), e.getMessage());
        assertTrue(e.getMessage().contains(e.reason()), e.getMessage());
    }

    /** Reads leniently, expecting the given rows skipped; returns the result. */
    static ImportResult assertLenientSkips(DatasetReader reader, Path path, long rowsRead, long rowsSkipped) {
        return assertLenientSkips(reader, path, ImportOptions.LENIENT, rowsRead, rowsSkipped);
    }

    /** Reads leniently with options, expecting the given rows skipped; returns the result. */
    static ImportResult assertLenientSkips(DatasetReader reader, Path path, ImportOptions options, long rowsRead,
            long rowsSkipped) {
        ImportResult result = reader.read(path, options);
        assertEquals(rowsRead, result.rowsRead(), () -> "rows read; problems " + result.problems());
        assertEquals(rowsSkipped, result.rowsSkipped(), () -> "rows skipped; problems " + result.problems());
        assertEquals(Math.min(rowsSkipped, ImportSession.MAX_PROBLEMS), result.problems().size());
        return result;
    }
}
