package org.finrec.eval;

import java.util.List;
import java.util.Objects;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;

/**
 * One customer to recommend to and what they turned out to want.
 *
 * @param customer the customer as known at prediction time (holdings without the hidden or future products)
 * @param relevant indices (in the split's training dataset) of the products the customer adopted, ascending,
 *     at least one
 * @param excluded indices of products never to rank for this customer (what they already had in training),
 *     ascending
 * @param recentEvents what the customer did after the training data and before the prediction, passed as the
 *     request's recent events (for leave-one-out's test cases, the validation interaction); usually empty
 */
public record EvaluationCase(Customer customer, int[] relevant, int[] excluded, List<Interaction> recentEvents) {

    /**
     * Validates the components.
     *
     * @param customer the customer
     * @param relevant the relevant product indices
     * @param excluded the excluded product indices
     * @param recentEvents the customer's events between training and prediction
     */
    public EvaluationCase {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(relevant, "relevant");
        Objects.requireNonNull(excluded, "excluded");
        recentEvents = List.copyOf(recentEvents);
        if (relevant.length == 0) {
            throw new IllegalArgumentException("evaluation case of " + customer.id() + " has no relevant product");
        }
    }

    /**
     * A case with no events between training and prediction.
     *
     * @param customer the customer
     * @param relevant the relevant product indices
     * @param excluded the excluded product indices
     */
    public EvaluationCase(Customer customer, int[] relevant, int[] excluded) {
        this(customer, relevant, excluded, List.of());
    }
}
