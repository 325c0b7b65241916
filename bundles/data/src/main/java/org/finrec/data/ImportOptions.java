package org.finrec.data;

import java.util.Map;
import java.util.Objects;
import org.finrec.api.data.ProgressListener;

/**
 * How to read a file.
 *
 * @param strict {@code true} to fail on the first bad row; {@code false} to skip bad rows and count them
 * @param progress receives progress reports (bytes or lines read), never null
 * @param datasetName the name of the resulting dataset; null to derive it from the file name
 * @param settings format-specific settings (for example the column roles of {@link DatasetFormat#NEXT_PRODUCT}),
 *     never null; each reader documents its keys
 */
public record ImportOptions(boolean strict, ProgressListener progress, String datasetName,
        Map<String, String> settings) {

    /** Strict reading, no progress reports, default name and settings. */
    public static final ImportOptions STRICT = new ImportOptions(true, ProgressListener.NONE, null, Map.of());

    /** Lenient reading (bad rows skipped and counted), no progress reports, default name and settings. */
    public static final ImportOptions LENIENT = new ImportOptions(false, ProgressListener.NONE, null, Map.of());

    /**
     * Validates and copies the components.
     *
     * @param strict fail on the first bad row
     * @param progress the progress listener
     * @param datasetName the dataset name or null
     * @param settings the format-specific settings
     */
    public ImportOptions {
        Objects.requireNonNull(progress, "progress");
        settings = Map.copyOf(settings);
    }

    /**
     * Returns a copy with another progress listener.
     *
     * @param listener the listener, not null
     * @return new options
     */
    public ImportOptions withProgress(ProgressListener listener) {
        return new ImportOptions(strict, listener, datasetName, settings);
    }

    /**
     * Returns a copy with another dataset name.
     *
     * @param name the name, not blank
     * @return new options
     */
    public ImportOptions withName(String name) {
        return new ImportOptions(strict, progress, name, settings);
    }
}
