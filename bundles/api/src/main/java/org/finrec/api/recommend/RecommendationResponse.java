package org.finrec.api.recommend;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facade's answer to one {@link RecommendationRequest}.
 *
 * @param requestId the id of the request answered, never blank
 * @param customerId the customer recommended to, never blank
 * @param recommendations at most {@code k} recommendations, best first; empty only when no candidate is suitable
 * @param exclusions candidates removed before ranking, with reasons; never null
 * @param servedBy the name of the recommender that produced the ranking, never blank
 * @param variant the experiment variant; {@value Recommendation#DEFAULT_VARIANT} outside experiments
 * @param fallbackReason why the configured recommender did not serve (absent, failed, timed out), empty when it
 *     served
 */
public record RecommendationResponse(
        String requestId,
        String customerId,
        List<Recommendation> recommendations,
        List<Exclusion> exclusions,
        String servedBy,
        String variant,
        Optional<Reason> fallbackReason) {

    /**
     * Validates and copies the components.
     *
     * @param requestId the requestId component
     * @param customerId the customerId component
     * @param recommendations the recommendations component
     * @param exclusions the exclusions component
     * @param servedBy the servedBy component
     * @param variant the variant component
     * @param fallbackReason the fallbackReason component
     * @throws NullPointerException if a component is null
     */
    public RecommendationResponse {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(customerId, "customerId");
        recommendations = List.copyOf(recommendations);
        exclusions = List.copyOf(exclusions);
        Objects.requireNonNull(servedBy, "servedBy");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(fallbackReason, "fallbackReason");
    }

    /**
     * Tells whether a fallback recommender served instead of the configured one, wholly or in part.
     *
     * @return {@code true} if {@link #fallbackReason()} is present
     */
    public boolean isFallback() {
        return fallbackReason.isPresent();
    }

    /**
     * Finds the exclusion record of a product.
     *
     * @param productId a product identifier
     * @return the exclusion, or empty if the product was not excluded
     */
    public Optional<Exclusion> exclusionOf(String productId) {
        return exclusions.stream().filter(exclusion -> exclusion.productId().equals(productId)).findFirst();
    }
}
