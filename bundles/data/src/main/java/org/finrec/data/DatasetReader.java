package org.finrec.data;

import java.nio.file.Path;
import org.finrec.data.internal.Readers;

/**
 * Reads one {@link DatasetFormat} into a {@link org.finrec.api.data.Dataset}. Streams its input, so memory grows
 * with the data kept, not with the file size. Thread-safe.
 */
public interface DatasetReader {

    /**
     * Reads a file or folder.
     *
     * @param path the file (or, for folder formats, the folder) to read
     * @param options strict or lenient, progress, name and format settings
     * @return the dataset and counts
     * @throws DataFormatException in strict mode on the first bad row, and in both modes when the file as a whole
     *     is unusable (missing, unreadable, wrong header); the message names file, line and field
     */
    ImportResult read(Path path, ImportOptions options);

    /**
     * Returns the reader of a format.
     *
     * @param format the format
     * @return its reader
     */
    static DatasetReader of(DatasetFormat format) {
        return Readers.of(format);
    }
}
