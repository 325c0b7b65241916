package org.finrec.api.recommend;

import java.util.List;
import java.util.Objects;

/**
 * Why a recommender gave a product its score for a customer. The {@link Reason#contribution() contributions}
 * of the reasons add up to the score (to rounding), in the way Lucene's {@code explain()} accounts for a
 * document's score.
 *
 * @param productId the explained product, never blank
 * @param score the score the recommender gives the product for the customer, finite
 * @param reasons the reasons, most important first, at least one; never null
 */
public record Explanation(String productId, double score, List<Reason> reasons) {

    /**
     * Validates and copies the components.
     *
     * @param productId the productId component
     * @param score the score component
     * @param reasons the reasons component
     * @throws IllegalArgumentException if the product id is blank, the score is not finite or there is no reason
     */
    public Explanation {
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("productId must not be blank");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("explanation of " + productId + ": score must be finite");
        }
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("explanation of " + productId + ": at least one reason is required");
        }
    }

    /**
     * Returns the sum of the reasons' contributions, which should equal {@link #score()}.
     *
     * @return the total contribution
     */
    public double totalContribution() {
        double total = 0;
        for (Reason reason : reasons) {
            total += reason.contribution();
        }
        return total;
    }
}
