package org.finrec.api.recommend;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The facade a host calls for recommendations, registered as an OSGi service by the Finrec core bundle.
 *
 * <p>For each request the facade chooses the configured (or experiment-assigned) recommender, removes products
 * the customer holds and products the request excludes, applies every registered suitability policy, asks the
 * recommender to score what is left within a time budget, falls back to the popularity recommender when the
 * chosen one is absent, fails or is too slow, and returns the top {@code k} with reasons.
 *
 * <p>Implementations are thread-safe; hosts call them concurrently.
 */
@ProviderType
public interface RecommendationService {

    /**
     * Recommends products for one customer.
     *
     * @param request the request, not null
     * @return the response; its recommendations are all suitable for the customer and none is held or excluded
     * @throws RecommendationUnavailableException if neither the chosen recommender nor the fallback can serve
     */
    RecommendationResponse recommend(RecommendationRequest request);
}
