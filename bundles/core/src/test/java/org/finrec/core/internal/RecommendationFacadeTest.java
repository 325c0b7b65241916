package org.finrec.core.internal;

import org.finrec.api.spi.FakeRecommender;
import org.finrec.api.config.InvalidConfigurationException;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.Recommendation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RecommendationResponse;
import org.finrec.api.recommend.RecommendationUnavailableException;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.SuitabilityDecision;
import org.finrec.api.spi.SuitabilityPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecommendationFacadeTest {

    private static final String PRIMARY = "primary";
    private static final String FALLBACK = "fallback";
    private static final String PRIMARY_CODE = ReasonCodes.PROFILE_MATCH;
    private static final String FALLBACK_CODE = ReasonCodes.POPULAR_OVERALL;

    /** p1 .. p6, all risk class 1 and open to every age. */
    private static final List<Product> PRODUCTS = IntStream.rangeClosed(1, 6)
            .mapToObj(i -> Product.builder("p" + i).name("Product " + i).riskClass(1).build()).toList();
    private static final ProductCatalog CATALOG = ProductCatalog.of(PRODUCTS);

    /** The primary recommender's preference: p2 > p4 > p6 > p3 > p5 > p1. */
    private static final Map<String, Double> PRIMARY_SCORES =
            Map.of("p1", 0.1, "p2", 0.9, "p3", 0.5, "p4", 0.8, "p5", 0.3, "p6", 0.7);
    /** The fallback's preference: catalogue order, p1 first. */
    private static final Map<String, Double> FALLBACK_SCORES =
            Map.of("p1", 6.0, "p2", 5.0, "p3", 4.0, "p4", 3.0, "p5", 2.0, "p6", 1.0);

    private static final Customer CUSTOMER = Customer.builder("c1").age(40).riskTolerance(7).build();

    private final FakeRecommender fallback = FakeRecommender.fixed(FALLBACK, FALLBACK_CODE, FALLBACK_SCORES);
    private RecommendationFacade facade;

    @AfterEach
    void deactivate() {
        if (facade != null) {
            facade.deactivate();
        }
    }

    private static FacadeSettings configuration(Map<String, Object> overrides) {
        return FacadeSettings.from(properties(overrides));
    }

    private static Map<String, Object> properties(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "recommender", PRIMARY,
                "fallback.recommender", FALLBACK,
                "time.budget.ms", 5_000L,
                "required.policies", new String[0]));
        values.putAll(overrides);
        return values;
    }

    private RecommendationFacade facade(FacadeSettings configuration, ProductCatalog catalog,
            List<Recommender> recommenders, List<SuitabilityPolicy> policies) {
        Map<String, SuitabilityPolicy> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < policies.size(); i++) {
            byName.put("policy-" + i, policies.get(i));
        }
        facade = new RecommendationFacade(configuration, catalog, recommenders, byName);
        return facade;
    }

    private RecommendationFacade facade(Recommender... recommenders) {
        return facade(configuration(Map.of()), CATALOG, List.of(recommenders), List.of());
    }

    private static RecommendationRequest request(int k) {
        return RecommendationRequest.builder(CUSTOMER).k(k).build();
    }

    private static List<String> ids(RecommendationResponse response) {
        return response.recommendations().stream().map(r -> r.product().id()).toList();
    }

    private static List<String> codes(Recommendation recommendation) {
        return recommendation.reasons().stream().map(Reason::code).toList();
    }

    private static void assertServedByFallback(RecommendationResponse response, List<String> expectedIds) {
        assertEquals(expectedIds, ids(response));
        assertTrue(response.isFallback());
        assertEquals(ReasonCodes.FALLBACK, response.fallbackReason().orElseThrow().code());
        assertEquals(FALLBACK, response.servedBy());
        for (Recommendation recommendation : response.recommendations()) {
            assertEquals(FALLBACK, recommendation.recommender());
            List<String> codes = codes(recommendation);
            assertEquals(ReasonCodes.FALLBACK, codes.get(codes.size() - 1), codes::toString);
        }
    }

    // --- required suitability policies ---

    @Test
    void failsClosedWhileARequiredPolicyIsMissing() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, PRIMARY_SCORES);
        facade(configuration(Map.of("required.policies", new String[] {"policy-0", "kyc"})), CATALOG,
                List.of(fallback, primary), List.of((customer, product, context) -> SuitabilityDecision.allow()));

        RecommendationUnavailableException failure = assertThrows(RecommendationUnavailableException.class,
                () -> facade.recommend(request(3)));

        assertTrue(failure.getMessage().contains("required suitability policy kyc"), failure.getMessage());
        assertEquals(0, primary.scoreCalls.get(), "no recommender may score while a required policy is missing");
    }

    @Test
    void servesOnceEveryRequiredPolicyIsRegistered() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, PRIMARY_SCORES);
        facade(configuration(Map.of("required.policies", new String[] {"policy-0"})), CATALOG,
                List.of(fallback, primary), List.of((customer, product, context) -> SuitabilityDecision.allow()));

        assertEquals(3, facade.recommend(request(3)).recommendations().size());
    }

    // --- ranking, exclusions and reasons ---

    @Test
    void returnsKSuitableProductsBestFirstWithReasonsAndWithoutHeldOrExcludedOnes() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, PRIMARY_SCORES);
        RiskAndAgeSuitabilityPolicy riskAndAge =
                new RiskAndAgeSuitabilityPolicy(
                        Map.of());
        facade(configuration(Map.of()), CATALOG, List.of(fallback, primary), List.of(riskAndAge));
        Customer holder = CUSTOMER.toBuilder().holding("p2").build();

        RecommendationResponse response = facade.recommend(
                RecommendationRequest.builder(holder).requestId("r-1").k(3).exclude("p4").build());

        assertEquals(List.of("p6", "p3", "p5"), ids(response));
        assertEquals("r-1", response.requestId());
        assertEquals("c1", response.customerId());
        assertEquals(PRIMARY, response.servedBy());
        assertFalse(response.isFallback());
        List<Recommendation> recommendations = response.recommendations();
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation recommendation = recommendations.get(i);
            assertEquals(i + 1, recommendation.rank());
            assertEquals(PRIMARY, recommendation.recommender());
            assertEquals("primary-v1", recommendation.modelVersion());
            assertEquals(List.of(PRIMARY_CODE, ReasonCodes.SUITABLE), codes(recommendation));
        }
        assertEquals(List.of(0.7, 0.5, 0.3), recommendations.stream().map(Recommendation::score).toList());
        assertTrue(response.exclusionOf("p2").orElseThrow().hasReason(ReasonCodes.ALREADY_HELD));
        assertTrue(response.exclusionOf("p4").orElseThrow().hasReason(ReasonCodes.EXCLUDED_BY_REQUEST));
        assertEquals(List.of("p1", "p3", "p5", "p6"), primary.lastCandidateIds());
        assertEquals(0, fallback.scoreCalls.get());
    }

    @Test
    void requestCandidatesRestrictTheChoiceAndUnknownOnesAreRecordedAsExclusions() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, PRIMARY_SCORES);
        facade(fallback, primary);

        RecommendationResponse response = facade.recommend(RecommendationRequest.builder(CUSTOMER).k(5)
                .candidates(List.of("p1", "p5", "no-such-product")).build());

        assertEquals(List.of("p5", "p1"), ids(response));
        assertFalse(response.isFallback());
        assertTrue(response.exclusionOf("no-such-product").orElseThrow().hasReason(ReasonCodes.UNKNOWN_PRODUCT));
        assertEquals(Set.of("p1", "p5"), Set.copyOf(primary.lastCandidateIds()));
    }

    @Test
    void kIsCappedByTheConfiguredLargestK() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, PRIMARY_SCORES);
        facade(configuration(Map.of("max.k", 2)), CATALOG, List.of(fallback, primary), List.of());

        RecommendationResponse response = facade.recommend(request(5));

        assertEquals(List.of("p2", "p4"), ids(response));
        assertFalse(response.isFallback());
    }

    @Test
    void noSuitableCandidateGivesAnEmptyResponseWithoutAskingAnyRecommender() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, PRIMARY_SCORES);
        facade(fallback, primary);
        Customer holdsEverything = CUSTOMER.toBuilder().holding("p1", "p2", "p3", "p4", "p5", "p6").build();

        RecommendationResponse response = facade.recommend(RecommendationRequest.builder(holdsEverything).build());

        assertTrue(response.recommendations().isEmpty());
        assertFalse(response.isFallback());
        assertEquals(6, response.exclusions().size());
        assertEquals(0, primary.scoreCalls.get() + fallback.scoreCalls.get());
    }

    // --- suitability ---

    @Test
    void productBlockedByAPolicyNeverAppearsAndItsExclusionCarriesThePolicysReason() {
        Product riskyFund = Product.builder("fund").name("Equity fund").riskClass(6).build();
        List<Product> products = new ArrayList<>(PRODUCTS);
        products.add(riskyFund);
        Map<String, Double> scores = new HashMap<>(PRIMARY_SCORES);
        scores.put("fund", 99.0);
        scores.put("p6", 98.0);
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, scores);
        SuitabilityPolicy sanctions = (customer, product, context) -> product.id().equals("p6")
                ? SuitabilityDecision.block(Reason.of("SANCTIONED", "p6 is under sanctions."))
                : SuitabilityDecision.allow();
        RiskAndAgeSuitabilityPolicy riskAndAge =
                new RiskAndAgeSuitabilityPolicy(
                        Map.of());
        facade(configuration(Map.of()), ProductCatalog.of(products), List.of(fallback, primary),
                List.of(sanctions, riskAndAge));
        Customer cautious = CUSTOMER.toBuilder().riskTolerance(3).build();

        RecommendationResponse response = facade.recommend(RecommendationRequest.builder(cautious).k(10).build());

        assertEquals(List.of("p2", "p4", "p3", "p5", "p1"), ids(response));
        assertTrue(response.exclusionOf("p6").orElseThrow().hasReason("SANCTIONED"));
        assertTrue(response.exclusionOf("fund").orElseThrow().hasReason(ReasonCodes.RISK_ABOVE_TOLERANCE));
        assertFalse(primary.lastCandidateIds().contains("p6"));
        assertFalse(primary.lastCandidateIds().contains("fund"));
    }

    @Test
    void aProductWithoutRiskClassIsNeverServedToALowToleranceOrUnassessedCustomer() {
        Product unrated = Product.builder("unrated").name("Unrated fund").build();
        List<Product> products = new ArrayList<>(PRODUCTS);
        products.add(unrated);
        Map<String, Double> scores = new HashMap<>(PRIMARY_SCORES);
        scores.put("unrated", 99.0);
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, scores);
        RiskAndAgeSuitabilityPolicy riskAndAge =
                new RiskAndAgeSuitabilityPolicy(
                        Map.of());
        facade(configuration(Map.of()), ProductCatalog.of(products), List.of(fallback, primary), List.of(riskAndAge));

        for (Customer customer : List.of(CUSTOMER.toBuilder().riskTolerance(1).build(),
                Customer.builder("unassessed").age(40).build())) {
            RecommendationResponse response = facade.recommend(RecommendationRequest.builder(customer).k(10).build());

            assertFalse(ids(response).contains("unrated"), customer + " was offered " + ids(response));
            assertTrue(response.exclusionOf("unrated").orElseThrow().hasReason(ReasonCodes.RISK_CLASS_UNKNOWN),
                    () -> response.exclusions().toString());
            assertEquals(6, response.recommendations().size());
        }
    }

    @Test
    void blockedProductNeverAppearsWhenTheFallbackServesEither() {
        SuitabilityPolicy blockP1 = (customer, product, context) -> product.id().equals("p1")
                ? SuitabilityDecision.block(Reason.of("BANK_RULE", "Not this one."))
                : SuitabilityDecision.allow();
        facade(configuration(Map.of()), CATALOG, List.of(fallback), List.of(blockP1));

        RecommendationResponse response = facade.recommend(request(3));

        assertServedByFallback(response, List.of("p2", "p3", "p4"));
        assertTrue(response.exclusionOf("p1").orElseThrow().hasReason("BANK_RULE"));
    }

    @Test
    void demotionLowersAProductsRank() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, PRIMARY_SCORES);
        SuitabilityPolicy demoteP2 = (customer, product, context) -> product.id().equals("p2")
                ? SuitabilityDecision.demote(0.5, Reason.of(ReasonCodes.DEMOTED, "Product 2 is expensive."))
                : SuitabilityDecision.allow();
        facade(configuration(Map.of()), CATALOG, List.of(fallback, primary), List.of(demoteP2));

        RecommendationResponse response = facade.recommend(request(4));

        // p2 falls from 0.9 (first) to 0.45: below p4 (0.8), p6 (0.7) and p3 (0.5)
        assertEquals(List.of("p4", "p6", "p3", "p2"), ids(response));
        Recommendation demoted = response.recommendations().get(3);
        assertEquals(0.45, demoted.score(), 1e-12);
        assertTrue(codes(demoted).contains(ReasonCodes.DEMOTED), codes(demoted)::toString);
        assertTrue(response.exclusionOf("p2").isEmpty());
        // the demotion is a reason of its own that takes away what it took away: the reasons add up to 0.45
        assertEquals(0.45, demoted.reasons().stream().mapToDouble(Reason::contribution).sum(), 1e-12);
        assertEquals(-0.45, demoted.reasons().stream().filter(reason -> reason.code().equals(ReasonCodes.DEMOTED))
                .mapToDouble(Reason::contribution).sum(), 1e-12);
        assertEquals(4, primary.explainCalls.get(), "one explanation per recommended product, from one scorer");
        assertEquals(1, primary.scoreCalls.get());
    }

    @Test
    void aModelSwappedDuringARequestDoesNotChangeItsResponse() {
        AtomicReference<FakeRecommender> self = new AtomicReference<>();
        FakeRecommender primary = new FakeRecommender(PRIMARY, PRIMARY_CODE, (request, candidates) -> {
            self.get().serveVersion("primary-v2"); // the model is swapped while this request is being scored
            return candidates.stream().mapToDouble(product -> PRIMARY_SCORES.getOrDefault(product.id(), Double.NaN))
                    .toArray();
        });
        self.set(primary);
        facade(fallback, primary);

        RecommendationResponse response = facade.recommend(request(3));

        assertEquals(3, response.recommendations().size());
        for (Recommendation recommendation : response.recommendations()) {
            assertEquals("primary-v1", recommendation.modelVersion(), "one model version per response");
        }
        assertEquals("primary-v2", facade.recommend(request(3)).recommendations().get(0).modelVersion());
    }

    @Test
    void demotionLowersAProductsRankAlsoWhenScoresAreNegative() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE,
                Map.of("p1", -1.0, "p2", -1.5, "p3", -3.0));
        SuitabilityPolicy demoteP1 = (customer, product, context) -> product.id().equals("p1")
                ? SuitabilityDecision.demote(0.5, Reason.of(ReasonCodes.DEMOTED, "Product 1 is expensive."))
                : SuitabilityDecision.allow();
        facade(configuration(Map.of()), CATALOG, List.of(fallback, primary), List.of(demoteP1));

        RecommendationResponse response = facade.recommend(
                RecommendationRequest.builder(CUSTOMER).k(3).candidates(List.of("p1", "p2", "p3")).build());

        // -1.0 demoted must fall below -1.5 (to -2.0), not rise to -0.5
        assertEquals(List.of("p2", "p1", "p3"), ids(response));
        assertTrue(response.recommendations().get(1).score() < -1.5);
        assertEquals(-2.0, response.recommendations().get(1).reasons().stream().mapToDouble(Reason::contribution)
                .sum(), 1e-12);
        assertFalse(response.isFallback());
    }

    // --- fallback ---

    @Test
    void absentRecommenderFallsBack() {
        facade(fallback);

        RecommendationResponse response = facade.recommend(request(3));

        assertServedByFallback(response, List.of("p1", "p2", "p3"));
    }

    @Test
    void failingRecommenderFallsBackWithoutAnExceptionToTheCaller() {
        FakeRecommender primary = FakeRecommender.failing(PRIMARY, new IllegalStateException("model corrupt"));
        facade(fallback, primary);

        RecommendationResponse response = facade.recommend(request(3));

        assertServedByFallback(response, List.of("p1", "p2", "p3"));
        assertEquals(1, primary.scoreCalls.get());
    }

    @Test
    void hungRecommenderFallsBackWithinTheTimeBudgetAndItsWorkerIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        FakeRecommender hung = new FakeRecommender(PRIMARY, PRIMARY_CODE, (request, candidates) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return new double[candidates.size()];
        });
        facade(configuration(Map.of("time.budget.ms", 100L)), CATALOG, List.of(fallback, hung), List.of());

        long start = System.nanoTime();
        RecommendationResponse response = facade.recommend(request(3));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(elapsedMillis < 3_000, () -> "took " + elapsedMillis + " ms");
        assertServedByFallback(response, List.of("p1", "p2", "p3"));
        assertTrue(interrupted.await(2, TimeUnit.SECONDS), "the hung worker thread was not interrupted");
        assertFalse(hung.scoringThreads.contains(Thread.currentThread()));
    }

    @Test
    void productsWithoutAScoreAreFilledFromTheFallbackWithAFallbackReason() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, Map.of("p3", 0.5, "p6", 0.7));
        facade(fallback, primary);

        RecommendationResponse response = facade.recommend(request(4));

        assertEquals(List.of("p6", "p3", "p1", "p2"), ids(response));
        assertTrue(response.isFallback());
        assertEquals(ReasonCodes.FALLBACK, response.fallbackReason().orElseThrow().code());
        assertEquals(PRIMARY, response.servedBy());
        assertEquals(List.of("p1", "p2", "p4", "p5"), fallback.lastCandidateIds());
        List<Recommendation> recommendations = response.recommendations();
        for (int i = 0; i < 2; i++) {
            assertEquals(PRIMARY, recommendations.get(i).recommender());
            assertEquals(List.of(PRIMARY_CODE), codes(recommendations.get(i)));
        }
        for (int i = 2; i < 4; i++) {
            assertEquals(FALLBACK, recommendations.get(i).recommender());
            assertEquals(List.of(FALLBACK_CODE, ReasonCodes.FALLBACK), codes(recommendations.get(i)));
            assertEquals(i + 1, recommendations.get(i).rank());
        }
    }

    @Test
    void wrongNumberOfScoresFallsBack() {
        FakeRecommender tooFew = new FakeRecommender(PRIMARY, PRIMARY_CODE, (request, candidates) -> new double[] {1});
        facade(fallback, tooFew);

        assertServedByFallback(facade.recommend(request(3)), List.of("p1", "p2", "p3"));
    }

    @Test
    void nullScoresFallBack() {
        FakeRecommender none = new FakeRecommender(PRIMARY, PRIMARY_CODE, (request, candidates) -> null);
        facade(fallback, none);

        assertServedByFallback(facade.recommend(request(3)), List.of("p1", "p2", "p3"));
    }

    @Test
    void failingRecommenderAndFailingFallbackMakeTheServiceUnavailable() {
        facade(FakeRecommender.failing(FALLBACK, new IllegalStateException("fallback broken")),
                FakeRecommender.failing(PRIMARY, new IllegalStateException("primary broken")));

        RecommendationUnavailableException e =
                assertThrows(RecommendationUnavailableException.class, () -> facade.recommend(request(3)));
        assertTrue(e.getMessage().contains(PRIMARY) && e.getMessage().contains(FALLBACK), e.getMessage());
    }

    @Test
    void absentRecommenderAndFailingFallbackMakeTheServiceUnavailable() {
        facade(FakeRecommender.failing(FALLBACK, new IllegalStateException("fallback broken")));

        assertThrows(RecommendationUnavailableException.class, () -> facade.recommend(request(3)));
    }

    @Test
    void absentRecommenderAndAbsentFallbackMakeTheServiceUnavailable() {
        facade();

        assertThrows(RecommendationUnavailableException.class, () -> facade.recommend(request(3)));
    }

    @Test
    void failingRecommenderThatIsItsOwnFallbackMakesTheServiceUnavailable() {
        facade(configuration(Map.of("fallback.recommender", PRIMARY)), CATALOG,
                List.of(FakeRecommender.failing(PRIMARY, new IllegalStateException("broken"))), List.of());

        assertThrows(RecommendationUnavailableException.class, () -> facade.recommend(request(3)));
    }

    @Test
    void recommenderWithoutAnyOpinionAndNoFallbackMakesTheServiceUnavailable() {
        facade(FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, Map.of()));

        assertThrows(RecommendationUnavailableException.class, () -> facade.recommend(request(3)));
    }

    // --- configuration and threading ---

    @Test
    void modifiedConfigurationSwitchesTheRecommenderInPlace() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, PRIMARY_SCORES);
        FakeRecommender other = FakeRecommender.fixed("other", ReasonCodes.TEXT_MATCH,
                Map.of("p5", 3.0, "p1", 2.0, "p3", 1.0));
        RecommendationFacade service = facade(fallback, primary, other);

        assertEquals(PRIMARY, service.recommend(request(2)).servedBy());

        service.modified(properties(Map.of("recommender", "other")));
        RecommendationResponse response = service.recommend(request(2));

        assertSame(service, facade);
        assertEquals("other", response.servedBy());
        assertEquals(List.of("p5", "p1"), ids(response));
        assertFalse(response.isFallback());
        assertEquals(1, primary.scoreCalls.get());
    }

    @Test
    void aConfigurationWithABadSettingIsRefusedAndThePreviousSettingsKeepServing() {
        FakeRecommender primary = FakeRecommender.fixed(PRIMARY, PRIMARY_CODE, PRIMARY_SCORES);
        FakeRecommender other = FakeRecommender.fixed("other", ReasonCodes.TEXT_MATCH,
                Map.of("p5", 3.0, "p1", 2.0, "p3", 1.0));
        facade(configuration(Map.of("max.k", 3)), CATALOG, List.of(fallback, primary, other), List.of());
        List<Map<String, Object>> typos = List.of(
                Map.of("recommender", "other", "max.k", "abc"),
                Map.of("recommender", "other", "time.budget.ms", ""),
                Map.of("recommender", "other", "max.k", 0),
                Map.of("recommender", "other", "max.k", "1000000000"),
                Map.of("recommender", "other", "worker.threads", 1_000_000),
                Map.of("recommender", "other", "time.budget.ms", "250ms"),
                Map.of("recommender", " "));

        for (Map<String, Object> typo : typos) {
            facade.modified(properties(typo));

            RecommendationResponse response = facade.recommend(request(5));
            assertEquals(PRIMARY, response.servedBy(), "after " + typo);
            assertEquals(List.of("p2", "p4", "p6"), ids(response), "after " + typo);
        }
        facade.modified(properties(Map.of("recommender", "other", "max.k", "2")));
        assertEquals(List.of("p5", "p1"), ids(facade.recommend(request(5))), "a corrected configuration applies");
    }

    @Test
    void aBadSettingIsNamedWithThePidThePropertyAndTheValue() {
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> FacadeSettings.from(properties(Map.of("max.k", "abc"))));

        assertEquals(RecommendationFacade.PID, refused.pid());
        assertEquals("max.k", refused.property());
        assertEquals("abc", refused.value());
        assertEquals("Configuration org.finrec.core.facade: property max.k = 'abc' must be an integer from 1 to "
                + FacadeSettings.MAX_K, refused.getMessage());
        assertThrows(InvalidConfigurationException.class,
                () -> new RecommendationFacade(properties(Map.of("time.budget.ms", "")), null),
                "the facade does not start on a configuration it cannot apply");
    }

    @Test
    void saturatedWorkerPoolSkipsTheChosenRecommenderAndRanksTheFallbackInTheCallersThread() throws Exception {
        CountDownLatch blockerEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeRecommender primary = new FakeRecommender(PRIMARY, PRIMARY_CODE, (request, candidates) -> {
            if (request.customer().id().equals("blocker") && candidates.size() > 1) {
                blockerEntered.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return candidates.stream().mapToDouble(p -> PRIMARY_SCORES.get(p.id())).toArray();
        });
        facade(configuration(Map.of("worker.threads", 1)), CATALOG, List.of(fallback, primary), List.of());
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<RecommendationResponse> blocked = caller.submit(() -> facade.recommend(
                    RecommendationRequest.builder(Customer.builder("blocker").build()).k(2).build()));
            assertTrue(blockerEntered.await(5, TimeUnit.SECONDS));

            int primaryCallsBefore = primary.scoreCalls.get();
            RecommendationResponse response = facade.recommend(request(2));

            assertEquals(primaryCallsBefore, primary.scoreCalls.get(), "the possibly hung recommender is not asked");
            assertServedByFallback(response, List.of("p1", "p2"));
            assertTrue(response.fallbackReason().orElseThrow().message().contains("workers are busy"));
            assertSame(Thread.currentThread(), fallback.scoringThreads.get(fallback.scoringThreads.size() - 1));
            release.countDown();
            assertEquals(List.of("p2", "p4"), ids(blocked.get(5, TimeUnit.SECONDS)));
        } finally {
            release.countDown();
            caller.shutdownNow();
        }
    }

    @Test
    void concurrentCallsOnOneFacadeAllSucceedWithCorrectResults() throws Exception {
        // Each customer ranks products differently (score depends on the customer's number), with ties.
        FakeRecommender.ScoreFunction byCustomer = (request, candidates) -> {
            int n = Integer.parseInt(request.customer().attribute("n").orElseThrow());
            return candidates.stream().mapToDouble(p -> expectedScore(n, p.id())).toArray();
        };
        FakeRecommender primary = new FakeRecommender(PRIMARY, PRIMARY_CODE, byCustomer);
        facade(fallback, primary);
        int threads = 8;
        int callsPerThread = 200;
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger successes = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < callsPerThread; i++) {
                        String held = "p" + (n % 6 + 1);
                        String excluded = "p" + ((n + i) % 6 + 1);
                        int k = 1 + i % 4;
                        Customer customer = Customer.builder("c" + n).attribute("n", Integer.toString(n))
                                .holding(held).build();
                        RecommendationRequest request = RecommendationRequest.builder(customer)
                                .requestId("t" + n + "-" + i).k(k).exclude(excluded).build();
                        try {
                            RecommendationResponse response = facade.recommend(request);
                            List<String> expected = expectedRanking(n, Set.copyOf(List.of(held, excluded)), k);
                            if (!ids(response).equals(expected) || response.isFallback()
                                    || !response.requestId().equals(request.requestId())) {
                                problems.add(request.requestId() + ": expected " + expected + " got " + ids(response)
                                        + " fallback=" + response.fallbackReason());
                            } else {
                                successes.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            problems.add(request.requestId() + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertAll(
                () -> assertTrue(problems.isEmpty(), () -> problems.size() + " problems, first: " + problems.peek()),
                () -> assertEquals(threads * callsPerThread, successes.get()));
    }

    private static double expectedScore(int customerNumber, String productId) {
        int product = Integer.parseInt(productId.substring(1));
        return (product * 7 + customerNumber * 3) % 5;
    }

    /** Reference ranking: catalogue minus the removed products, by score descending, ties in catalogue order. */
    private static List<String> expectedRanking(int customerNumber, Set<String> removed, int k) {
        return PRODUCTS.stream().map(Product::id).filter(id -> !removed.contains(id))
                .sorted(Comparator.comparingDouble((String id) -> -expectedScore(customerNumber, id)))
                .limit(k).collect(Collectors.toList());
    }
}
