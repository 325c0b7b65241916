package org.finrec.eval;

import java.util.Objects;
import org.finrec.api.Customer;

/**
 * One customer to recommend to and what they turned out to want.
 *
 * @param customer the customer as known at prediction time (holdings without the hidden or future products)
 * @param relevant indices (in the split's training dataset) of the products the customer adopted, ascending,
 *     at least one
 * @param excluded indices of products never to rank for this customer (what they already had in training),
 *     ascending
 */
public record EvaluationCase(Customer customer, int[] relevant, int[] excluded) {

    /**
     * Validates the components.
     *
     * @param customer the customer
     * @param relevant the relevant product indices
     * @param excluded the excluded product indices
     */
    public EvaluationCase {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(relevant, "relevant");
        Objects.requireNonNull(excluded, "excluded");
        if (relevant.length == 0) {
            throw new IllegalArgumentException("evaluation case of " + customer.id() + " has no relevant product");
        }
    }
}
