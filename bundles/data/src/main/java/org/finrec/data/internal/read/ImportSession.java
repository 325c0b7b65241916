package org.finrec.data.internal.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.data.DataFormatException;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;
import org.finrec.data.internal.store.DatasetBuilder;
import org.finrec.data.internal.store.LongSet;

/**
 * The bookkeeping of one read: the options, how many data rows were read and skipped, and what to do with a bad
 * row (throw in strict mode; count it and keep the first {@value #MAX_PROBLEMS} problems in lenient mode).
 * One session per {@code read} call; not thread-safe.
 *
 * <p>The session also finds copies: an interaction whose customer, product and kind repeat an earlier
 * interaction's (a rating given twice, a product bought again). It counts them and remembers the file and line of
 * the row that added the first one, for {@link ImportResult#copiedInteractions()} and its warning. To do so it
 * keeps one {@code long} per distinct (customer, product, kind) in a {@link LongSet} while the file is read (16 to
 * 32 bytes each; 160 to 320 MB for ten million interactions), and lets it go with the session.
 */
final class ImportSession {

    /** How many problems a lenient read keeps for its result. */
    static final int MAX_PROBLEMS = 100;

    private final ImportOptions options;
    private final List<DataFormatException> problems = new ArrayList<>();
    private long rowsRead;
    private long rowsSkipped;
    private Path currentFile;
    private long currentLine;
    private final LongSet seen = new LongSet(1024);
    private long copies;
    private String firstCopy;

    ImportSession(ImportOptions options) {
        this.options = options;
    }

    /** Returns the listener that receives progress reports. */
    ProgressListener progress() {
        return options.progress();
    }

    /**
     * Returns a format setting.
     *
     * @param key the setting's key
     * @param defaultValue what to return when the setting is absent or blank
     * @return the trimmed setting, or the default
     */
    String setting(String key, String defaultValue) {
        String value = options.settings().get(key);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    /** Tells whether a setting was given. */
    boolean hasSetting(String key) {
        String value = options.settings().get(key);
        return value != null && !value.isBlank();
    }

    /**
     * Returns the dataset's name: the one in the options, or else the one derived from the input.
     *
     * @param derived a name derived from the file or folder
     */
    String datasetName(String derived) {
        return options.datasetName() != null && !options.datasetName().isBlank() ? options.datasetName() : derived;
    }

    /**
     * Starts the builder a reader fills, named by {@link #datasetName} and watched for copied interactions.
     *
     * @param derivedName a name derived from the file or folder
     * @param products the products known before reading
     * @return the builder
     */
    DatasetBuilder builder(String derivedName, List<Product> products) {
        return new DatasetBuilder(datasetName(derivedName), products).listen(this::added);
    }

    /**
     * Counts a data row (good or bad) and remembers where it is, for the location of a copy it adds.
     *
     * @param file the file read
     * @param line the row's 1-based line
     */
    void countRow(Path file, long line) {
        rowsRead++;
        currentFile = file;
        currentLine = line;
    }

    private void added(int customer, int product, InteractionKind kind) {
        long key = (long) customer << 32 | ((long) product * InteractionKind.values().length + kind.ordinal());
        if (!seen.add(key) && copies++ == 0) {
            firstCopy = currentFile == null ? "(no file)" : currentFile + ":" + currentLine;
        }
    }

    /**
     * Deals with a bad row: rethrows it in strict mode, counts and records it in lenient mode.
     *
     * @param problem what is wrong with the row
     * @throws DataFormatException the problem itself, in strict mode
     */
    void reject(DataFormatException problem) {
        if (options.strict()) {
            throw problem;
        }
        rowsSkipped++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    /** Returns the result of a read that produced a dataset. */
    ImportResult result(Dataset dataset) {
        return new ImportResult(dataset, rowsRead, rowsSkipped, problems, copies, firstCopy);
    }
}
