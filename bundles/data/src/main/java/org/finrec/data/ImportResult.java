package org.finrec.data;

import java.util.List;
import java.util.Objects;
import org.finrec.api.data.Dataset;

/**
 * What a reader produced.
 *
 * @param dataset the dataset read, never null
 * @param rowsRead data rows read (header lines excluded)
 * @param rowsSkipped rows skipped as bad in lenient mode; always 0 in strict mode
 * @param problems the first bad rows (at most 100), in file order, never null
 */
public record ImportResult(Dataset dataset, long rowsRead, long rowsSkipped, List<DataFormatException> problems) {

    /**
     * Validates and copies the components.
     *
     * @param dataset the dataset
     * @param rowsRead rows read
     * @param rowsSkipped rows skipped
     * @param problems the first problems
     */
    public ImportResult {
        Objects.requireNonNull(dataset, "dataset");
        problems = List.copyOf(problems);
    }
}
