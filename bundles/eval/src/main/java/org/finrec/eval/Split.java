package org.finrec.eval;

import java.util.List;
import java.util.Objects;
import org.finrec.api.data.Dataset;

/**
 * A training dataset and the cases to evaluate on.
 *
 * @param protocol a short description of how the split was made (for reports), never blank
 * @param train what recommenders may learn from
 * @param validation cases for tuning, possibly empty
 * @param test cases for the reported figures
 */
public record Split(String protocol, Dataset train, List<EvaluationCase> validation, List<EvaluationCase> test) {

    /**
     * Validates and copies the components.
     *
     * @param protocol the protocol description
     * @param train the training dataset
     * @param validation the validation cases
     * @param test the test cases
     */
    public Split {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(train, "train");
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }
}
