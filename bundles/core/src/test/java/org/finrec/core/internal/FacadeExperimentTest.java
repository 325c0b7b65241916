package org.finrec.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.finrec.api.spi.FakeRecommender;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.experiment.Assignment;
import org.finrec.api.experiment.ExperimentReport;
import org.finrec.api.experiment.ExperimentService;
import org.finrec.api.experiment.Outcome;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationUnavailableException;
import org.finrec.api.spi.Recommender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facade's part in experiments: routing by the assigned variant, and what it records. */
class FacadeExperimentTest {

    private static final List<Product> PRODUCTS = IntStream.rangeClosed(1, 4)
            .mapToObj(i -> Product.builder("p" + i).name("Product " + i).build()).toList();
    private static final Customer CUSTOMER = Customer.builder("c1").age(40).riskTolerance(7).build();

    private final FakeRecommender popularity = FakeRecommender.fixed("popularity", ReasonCodes.POPULAR_OVERALL,
            Map.of("p1", 4.0, "p2", 3.0, "p3", 2.0, "p4", 1.0));
    private final FakeRecommender cf = FakeRecommender.fixed("cf", ReasonCodes.SIMILAR_CUSTOMERS_HOLD,
            Map.of("p1", 1.0, "p2", 2.0, "p3", 3.0, "p4", 4.0));
    private final FakeRecommender shadow = FakeRecommender.fixed("als", ReasonCodes.SIMILAR_CUSTOMERS_HOLD,
            Map.of("p1", 1.0, "p2", 4.0, "p3", 3.0, "p4", 2.0));
    private final RecordingExperiments experiments = new RecordingExperiments();
    private RecommendationFacade facade;

    @AfterEach
    void deactivate() {
        if (facade != null) {
            facade.deactivate();
        }
    }

    private RecommendationFacade facade(Recommender... recommenders) {
        Map<String, Object> values = new HashMap<>(Map.of("recommender", "popularity",
                "fallback.recommender", "popularity", "required.policies", new String[0]));
        facade = new RecommendationFacade(FacadeSettings.from(values), ProductCatalog.of(PRODUCTS), List.of(recommenders),
                Map.of(), experiments);
        return facade;
    }

    private static RecommendationRequest request() {
        return RecommendationRequest.builder(CUSTOMER).requestId("r1").k(2).build();
    }

    private static Assignment variant(String name, String recommender) {
        return new Assignment("exp", name, Optional.of("(finrec.recommender.name=" + recommender + ")"),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void theAssignedVariantsRecommenderServesAndTheVariantIsRecordedOnEveryRecommendation() throws Exception {
        experiments.next = variant("treatment", "cf");
        RecommendationResponse response = facade(popularity, cf).recommend(request());

        assertEquals("cf", response.servedBy());
        assertEquals(List.of("p4", "p3"), response.recommendations().stream().map(r -> r.product().id()).toList());
        assertEquals("treatment", response.variant());
        assertTrue(response.recommendations().stream().allMatch(r -> r.variant().equals("treatment")));
        assertEquals("test/0.0.0", response.recommendations().get(0).recommenderBundle());
        assertEquals("impression exp/treatment r1", experiments.events.poll(1, TimeUnit.SECONDS));
    }

    @Test
    void outsideExperimentsTheConfiguredRecommenderServesUnderTheDefaultVariant() throws Exception {
        experiments.next = Assignment.NONE;
        RecommendationResponse response = facade(popularity, cf).recommend(request());
        assertEquals("popularity", response.servedBy());
        assertEquals(Recommendation.DEFAULT_VARIANT, response.variant());
        assertEquals("impression /default r1", experiments.events.poll(1, TimeUnit.SECONDS),
                "every response is recorded, so that outcomes can be reported for it");
    }

    @Test
    void aMissingVariantRecommenderFallsBackAndTheImpressionSaysSo() throws Exception {
        experiments.next = variant("treatment", "absent");
        RecommendationResponse response = facade(popularity).recommend(request());
        assertTrue(response.isFallback());
        assertTrue(response.fallbackReason().orElseThrow().message().contains("variant treatment"));
        assertEquals("treatment", response.variant());
    }

    @Test
    void aRequestNobodyCanServeIsRecordedAsAFailureOfItsVariant() throws Exception {
        experiments.next = variant("treatment", "absent");
        RecommendationFacade withoutRecommenders = facade();
        assertThrows(RecommendationUnavailableException.class, () -> withoutRecommenders.recommend(request()));
        assertTrue(experiments.events.poll(1, TimeUnit.SECONDS).startsWith("failure exp/treatment r1"));
    }

    @Test
    void aShadowIsRankedAndRecordedButNeverServed() throws Exception {
        experiments.next = new Assignment("exp", "control", Optional.of("(finrec.recommender.name=popularity)"),
                Optional.of("candidate"), Optional.of("(finrec.recommender.name=als)"), Optional.empty());
        RecommendationResponse response = facade(popularity, shadow).recommend(request());
        assertEquals("popularity", response.servedBy());
        assertEquals("impression exp/control r1", experiments.events.poll(1, TimeUnit.SECONDS));
        assertEquals("shadow exp/candidate r1 [p2, p3]", experiments.events.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aFailingAssignmentServesOutsideExperimentsInsteadOfFailing() {
        experiments.failure = new IllegalStateException("log is closed");
        RecommendationResponse response = facade(popularity).recommend(request());
        assertEquals(Recommendation.DEFAULT_VARIANT, response.variant());
        assertEquals(2, response.recommendations().size());
    }

    /** Records what the facade reports, as one line per call. */
    private static final class RecordingExperiments implements ExperimentService {
        final BlockingQueue<String> events = new ArrayBlockingQueue<>(100);
        volatile Assignment next = Assignment.NONE;
        volatile RuntimeException failure;

        @Override
        public Assignment assign(RecommendationRequest request) {
            if (failure != null) {
                throw failure;
            }
            return next;
        }

        @Override
        public void recordImpression(Assignment assignment, RecommendationResponse response) {
            events.add("impression " + assignment.experimentId() + "/" + assignment.variant() + " "
                    + response.requestId());
        }

        @Override
        public void recordFailure(Assignment assignment, String requestId, String reason) {
            events.add("failure " + assignment.experimentId() + "/" + assignment.variant() + " " + requestId + " "
                    + reason);
        }

        @Override
        public void recordShadow(Assignment assignment, RecommendationResponse response, List<String> ranking) {
            events.add("shadow " + assignment.experimentId() + "/" + assignment.shadowVariant().orElseThrow() + " "
                    + response.requestId() + " " + ranking);
        }

        @Override
        public boolean recordOutcome(Outcome outcome) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ExperimentReport> reports() {
            return List.of();
        }

        @Override
        public Optional<ExperimentReport> report(String experimentId) {
            return Optional.empty();
        }
    }
}
