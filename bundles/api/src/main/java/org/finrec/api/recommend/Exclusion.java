package org.finrec.api.recommend;

import java.util.List;

/**
 * A candidate product that the facade removed before ranking, with the reasons (for example a suitability
 * policy's {@link ReasonCodes#RISK_ABOVE_TOLERANCE} or {@link ReasonCodes#ALREADY_HELD}). Kept in every response
 * so that each removal can be audited.
 *
 * @param productId the removed product, never blank
 * @param reasons why it was removed, at least one; never null
 */
public record Exclusion(String productId, List<Reason> reasons) {

    /**
     * Validates and copies the components.
     *
     * @param productId the productId component
     * @param reasons the reasons component
     * @throws IllegalArgumentException if the product id is blank or there is no reason
     */
    public Exclusion {
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("productId must not be blank");
        }
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("exclusion of " + productId + ": at least one reason is required");
        }
    }

    /**
     * Tells whether one of the reasons has the given code.
     *
     * @param code a reason code
     * @return {@code true} if a reason carries it
     */
    public boolean hasReason(String code) {
        return reasons.stream().anyMatch(reason -> reason.code().equals(code));
    }
}
