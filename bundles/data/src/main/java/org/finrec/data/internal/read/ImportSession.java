package org.finrec.data.internal.read;

import java.util.ArrayList;
import java.util.List;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.data.DataFormatException;
import org.finrec.data.ImportOptions;
import org.finrec.data.ImportResult;

/**
 * The bookkeeping of one read: the options, how many data rows were read and skipped, and what to do with a bad
 * row (throw in strict mode; count it and keep the first {@value #MAX_PROBLEMS} problems in lenient mode).
 * One session per {@code read} call; not thread-safe.
 */
final class ImportSession {

    /** How many problems a lenient read keeps for its result. */
    static final int MAX_PROBLEMS = 100;

    private final ImportOptions options;
    private final List<DataFormatException> problems = new ArrayList<>();
    private long rowsRead;
    private long rowsSkipped;

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

    /** Counts a data row (good or bad). */
    void countRow() {
        rowsRead++;
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
        return new ImportResult(dataset, rowsRead, rowsSkipped, problems);
    }
}
