package org.finrec.experiment.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.experiment.Assignment;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.osgi.util.converter.Converters;

/** Configurations, requests and responses for the experiment tests. */
final class ExperimentFixtures {

    static final String CONTROL_FILTER = "(finrec.recommender.name=popularity)";
    static final String TREATMENT_FILTER = "(finrec.recommender.name=cf)";

    private ExperimentFixtures() {
    }

    static ExperimentConfiguration experiment(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "id", "ranker",
                "variants", new String[] {"control:50:" + CONTROL_FILTER, "treatment:50:" + TREATMENT_FILTER},
                "guardrail.minimum.impressions", 100L));
        values.putAll(overrides);
        return Converters.standardConverter().convert(values).to(ExperimentConfiguration.class);
    }

    static ExperimentDefinition definition(Map<String, Object> overrides) {
        return ExperimentDefinition.of(experiment(overrides), "test configuration");
    }

    static ExperimentServiceConfiguration service(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("guardrail.interval.ms", 3_600_000L));
        values.putAll(overrides);
        return Converters.standardConverter().convert(values).to(ExperimentServiceConfiguration.class);
    }

    static RecommendationRequest request(String requestId, String customerId) {
        return RecommendationRequest.builder(Customer.builder(customerId).build()).requestId(requestId).build();
    }

    /** A response of two products, p1 and p2, served under the assignment. */
    static RecommendationResponse response(String requestId, String customerId, Assignment assignment,
            boolean fallback) {
        List<Recommendation> recommendations = List.of("p1", "p2").stream()
                .map(id -> new Recommendation(Product.builder(id).name(id).build(), id.equals("p1") ? 1 : 2, 1.0,
                        List.of(Reason.of(ReasonCodes.POPULAR_OVERALL, "popular")), "popularity", "v1", "test/1",
                        assignment.variant()))
                .toList();
        return new RecommendationResponse(requestId, customerId, recommendations, List.of(), "popularity",
                assignment.variant(), fallback
                        ? Optional.of(Reason.of(ReasonCodes.FALLBACK, "fallback"))
                        : Optional.empty());
    }
}
