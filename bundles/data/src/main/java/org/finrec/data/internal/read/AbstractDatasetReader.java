package org.finrec.data.internal.read;

import java.nio.file.Path;
import java.util.Objects;
import org.finrec.api.data.Dataset;
import org.finrec.data.DatasetReader;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;

/**
 * What every reader shares: argument checks, one {@link ImportSession} per read (strict or lenient handling of bad
 * rows, counts, problems, progress) and the result. Subclasses read rows through {@link CsvRowSource} or
 * {@link SplitRowSource} and fill a {@link org.finrec.data.internal.store.DatasetBuilder}.
 */
abstract class AbstractDatasetReader implements DatasetReader {

    @Override
    public final ImportResult read(Path path, ImportOptions options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        ImportSession session = new ImportSession(options);
        return session.result(read(path, session));
    }

    /**
     * Reads a file or folder.
     *
     * @param path the path given by the caller
     * @param session the read's bookkeeping
     * @return the dataset
     */
    abstract Dataset read(Path path, ImportSession session);

    /** Returns a file's name without its extension ({@code trainsubset.csv} gives {@code trainsubset}). */
    static String stem(Path file) {
        String name = String.valueOf(file.toAbsolutePath().normalize().getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
