package org.finrec.data;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.finrec.api.data.Dataset;

/**
 * What a reader produced.
 *
 * @param dataset the dataset read, never null
 * @param rowsRead data rows read (header lines excluded)
 * @param rowsSkipped rows skipped as bad in lenient mode; always 0 in strict mode
 * @param problems the first bad rows (at most 100), in file order, never null
 * @param copiedInteractions interactions whose customer, product and kind repeat an earlier interaction's (a
 *     rating given twice, a product bought again); 0 or more. They are kept, but a random split that put one copy
 *     in training and another in test would leak the answer, so every splitter keeps all copies in one part
 * @param firstCopy {@code file:line} of the row that added the first copy, or null when there is none
 */
public record ImportResult(Dataset dataset, long rowsRead, long rowsSkipped, List<DataFormatException> problems,
        long copiedInteractions, String firstCopy) {

    /**
     * Validates and copies the components.
     *
     * @param dataset the dataset
     * @param rowsRead rows read
     * @param rowsSkipped rows skipped
     * @param problems the first problems
     * @param copiedInteractions repeated interactions
     * @param firstCopy where the first repeated interaction is
     */
    public ImportResult {
        Objects.requireNonNull(dataset, "dataset");
        problems = List.copyOf(problems);
        if (copiedInteractions < 0) {
            throw new IllegalArgumentException("copiedInteractions must be >= 0, got " + copiedInteractions);
        }
        if ((copiedInteractions == 0) != (firstCopy == null)) {
            throw new IllegalArgumentException("firstCopy must be given exactly when there are copies");
        }
    }

    /**
     * A result without copied interactions.
     *
     * @param dataset the dataset
     * @param rowsRead rows read
     * @param rowsSkipped rows skipped
     * @param problems the first problems
     */
    public ImportResult(Dataset dataset, long rowsRead, long rowsSkipped, List<DataFormatException> problems) {
        this(dataset, rowsRead, rowsSkipped, problems, 0, null);
    }

    /**
     * Returns the warning an operator should see about copied interactions.
     *
     * @return the warning, or empty when no interaction repeats another
     */
    public Optional<String> copiesWarning() {
        if (copiedInteractions == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s: %,d interactions repeat the customer, product and kind "
                + "of an earlier one (first at %s); they are kept, and evaluation splits keep all copies of one "
                + "(customer, product, kind) in one part", dataset.name(), copiedInteractions, firstCopy));
    }
}
