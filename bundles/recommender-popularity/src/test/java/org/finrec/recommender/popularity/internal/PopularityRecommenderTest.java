package org.finrec.recommender.popularity.internal;

import static org.finrec.api.spi.ProductListScoring.explain;
import static org.finrec.api.spi.ProductListScoring.score;

import org.osgi.util.converter.Converters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PopularityRecommenderTest {

    private static final double SMOOTHING = 2;
    private static final List<Product> PRODUCTS = TestBank.products();

    private static PopularityRecommender recommender(double smoothing) {
        PopularityModel model = new PopularityTrainer("segment", smoothing,
                EnumSet.of(InteractionKind.PURCHASE, InteractionKind.HOLD)).train(TestBank.dataset(),
                        ProgressListener.NONE);
        return new PopularityRecommender("popularity", model);
    }

    private static RecommendationRequest requestFor(Customer customer) {
        return RecommendationRequest.builder(customer).build();
    }

    private static RecommendationRequest requestForSegment(String segment) {
        Customer.Builder customer = Customer.builder("new-customer");
        if (segment != null) {
            customer.segment(segment);
        }
        return requestFor(customer.build());
    }

    /** (c_sp + m * g_p) / (n_s + m), from the hand counts. */
    private static double[] smoothed(int[] segmentCounts, int segmentSize, double m) {
        double[] expected = new double[segmentCounts.length];
        for (int p = 0; p < expected.length; p++) {
            double overall = (double) TestBank.OVERALL[p] / TestBank.CUSTOMERS;
            expected[p] = (segmentCounts[p] + m * overall) / (segmentSize + m);
        }
        return expected;
    }

    private static double[] overallRates() {
        double[] expected = new double[TestBank.OVERALL.length];
        for (int p = 0; p < expected.length; p++) {
            expected[p] = (double) TestBank.OVERALL[p] / TestBank.CUSTOMERS;
        }
        return expected;
    }

    private static void assertScores(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12, "product " + TestBank.PRODUCT_IDS[i]);
        }
    }

    @Test
    void segmentScoresFollowTheSmoothingFormula() {
        PopularityRecommender recommender = recommender(SMOOTHING);

        assertScores(smoothed(TestBank.RETAIL, TestBank.RETAIL_CUSTOMERS, SMOOTHING),
                score(recommender, requestForSegment("retail"), PRODUCTS));
        assertScores(smoothed(TestBank.PRIVATE, TestBank.PRIVATE_CUSTOMERS, SMOOTHING),
                score(recommender, requestForSegment("private"), PRODUCTS));
    }

    @Test
    void smoothedScoresWorkedByHand() {
        double[] retail = score(recommender(SMOOTHING), requestForSegment("retail"), PRODUCTS);

        // A: (2 + 2 * 3/6) / (3 + 2) = 0.6;  C: (0 + 2 * 1/6) / 5 = 1/15
        assertEquals(0.6, retail[0], 1e-12);
        assertEquals(1.0 / 15, retail[2], 1e-12);
    }

    @Test
    void withoutSmoothingASegmentSpeaksForItself() {
        double[] retail = score(recommender(0), requestForSegment("retail"), PRODUCTS);

        assertScores(new double[] {2.0 / 3, 2.0 / 3, 0, 0}, retail);
    }

    @Test
    void largeSmoothingPullsTowardsTheOverallRate() {
        assertScores(overallRates(), score(recommender(1e12), requestForSegment("private"), PRODUCTS));
    }

    @Test
    void customerWithoutASegmentGetsTheOverallRate() {
        assertScores(overallRates(), score(recommender(SMOOTHING), requestForSegment(null), PRODUCTS));
    }

    @Test
    void customerOfASegmentUnseenInTrainingGetsTheOverallRate() {
        assertScores(overallRates(), score(recommender(SMOOTHING), requestForSegment("student"), PRODUCTS));
    }

    @Test
    void productTheModelHasNeverSeenScoresNaN() {
        Product unseen = TestBank.product("NEW");
        double[] scores = score(recommender(SMOOTHING), requestForSegment("retail"),
                List.of(PRODUCTS.get(0), unseen, PRODUCTS.get(1)));

        assertEquals(3, scores.length);
        assertTrue(Double.isFinite(scores[0]));
        assertTrue(Double.isNaN(scores[1]));
        assertTrue(Double.isFinite(scores[2]));
    }

    @Test
    void explainingAProductTheModelHasNeverSeenIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> explain(recommender(SMOOTHING), requestForSegment("retail"), TestBank.product("NEW")));
    }

    @Test
    void scoresFollowTheCandidatesOrder() {
        PopularityRecommender recommender = recommender(SMOOTHING);
        RecommendationRequest request = requestForSegment("private");
        double[] forward = score(recommender, request, PRODUCTS);
        double[] reversed = score(recommender, request, List.of(PRODUCTS.get(3), PRODUCTS.get(2), PRODUCTS.get(1),
                PRODUCTS.get(0)));

        for (int i = 0; i < 4; i++) {
            assertEquals(forward[i], reversed[3 - i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"retail", "private", "student", ""})
    void explanationContributionsAddUpToTheScore(String segment) {
        PopularityRecommender recommender = recommender(SMOOTHING);
        RecommendationRequest request = requestForSegment(segment.isEmpty() ? null : segment);
        double[] scores = score(recommender, request, PRODUCTS);

        for (int i = 0; i < PRODUCTS.size(); i++) {
            Explanation explanation = explain(recommender, request, PRODUCTS.get(i));
            assertEquals(PRODUCTS.get(i).id(), explanation.productId());
            assertEquals(scores[i], explanation.score(), 1e-12);
            assertEquals(scores[i], explanation.totalContribution(), 1e-12);
        }
    }

    @Test
    void segmentCustomerIsToldAboutSegmentAndOverallPopularity() {
        Explanation explanation = explain(recommender(SMOOTHING), requestForSegment("retail"), PRODUCTS.get(0));

        assertEquals(List.of(ReasonCodes.POPULAR_IN_SEGMENT, ReasonCodes.POPULAR_OVERALL),
                explanation.reasons().stream().map(Reason::code).toList());
        // segment part: n/(n+m) * c/n = 3/5 * 2/3 = 0.4; overall part: m/(n+m) * g = 2/5 * 1/2 = 0.2
        assertEquals(0.4, explanation.reasons().get(0).contribution(), 1e-12);
        assertEquals(0.2, explanation.reasons().get(1).contribution(), 1e-12);
        assertTrue(explanation.reasons().get(0).message().contains("2 of 3"),
                explanation.reasons().get(0).message());
    }

    @Test
    void customerWithoutASegmentIsToldOnlyAboutOverallPopularity() {
        Explanation explanation = explain(recommender(SMOOTHING), requestForSegment(null), PRODUCTS.get(1));

        assertEquals(List.of(ReasonCodes.POPULAR_OVERALL), explanation.reasons().stream().map(Reason::code).toList());
        assertTrue(explanation.reasons().get(0).message().contains("3 of 6"), explanation.reasons().get(0).message());
    }

    @Test
    void reportsNameFamilyAndModelVersion() {
        PopularityModel model = new PopularityTrainer("segment", SMOOTHING, Set.of(InteractionKind.PURCHASE))
                .train(TestBank.dataset(), ProgressListener.NONE);
        PopularityRecommender recommender = new PopularityRecommender("popularity-by-segment", model);

        assertEquals("popularity-by-segment", recommender.name());
        assertEquals(Recommender.FAMILY_POPULARITY, recommender.family());
        assertEquals(model.version(), recommender.modelVersion());
    }

    @Test
    void componentConstructorTrainsWithTheConfigurationDefaults() {
        PopularityRecommender recommender = new PopularityRecommender(
                Converters.standardConverter().convert(Map.of()).to(PopularityConfiguration.class), Map.of(),
                TestBank.dataset());

        assertEquals("popularity", recommender.name());
        // default kinds PURCHASE and HOLD: c3's VIEW of C does not count, so C's overall rate is 1/6
        assertScores(overallRates(), score(recommender, requestForSegment(null), PRODUCTS));
        // default segment attribute "segment" and smoothing 50
        assertScores(smoothed(TestBank.RETAIL, TestBank.RETAIL_CUSTOMERS, 50),
                score(recommender, requestForSegment("retail"), PRODUCTS));
    }

    @Test
    void componentConstructorHonoursTheConfiguration() {
        Map<String, Object> properties = Map.of(
                "finrec.recommender.name", "popularity-by-age",
                "segment.attribute", Customer.AGE_BAND,
                "smoothing", 0.0,
                "positive.kinds", new InteractionKind[] {InteractionKind.VIEW});
        PopularityRecommender recommender = new PopularityRecommender(
                Converters.standardConverter().convert(properties).to(PopularityConfiguration.class), properties,
                TestBank.dataset());

        assertEquals("popularity-by-age", recommender.name());
        // ages 30-39, no smoothing: c2 holds A and B; c3 counts for C by its VIEW, and not for B, whose PURCHASE
        // and HOLD are not positive kinds here
        assertScores(new double[] {0.5, 0.5, 0.5, 0},
                score(recommender, requestFor(Customer.builder("x").age(31).build()), PRODUCTS));
    }

    @Test
    void aSettingOutOfRangeIsRefusedAtActivationNamingItsPidAndProperty() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("smoothing", -1.0),
                Map.of("smoothing", "abc"), Map.of("smoothing", ""), Map.of("positive.kinds", "PURCHSE"),
                Map.of("finrec.recommender.name", " "), Map.of("smoothing", Double.NaN))) {
            Map<String, Object> properties = new java.util.HashMap<>(bad);
            properties.put("service.pid", "org.finrec.recommender.popularity~main");
            InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                    () -> new PopularityRecommender(Converters.standardConverter().convert(Map.of())
                            .to(PopularityConfiguration.class), properties, TestBank.dataset()), bad::toString);
            assertEquals("org.finrec.recommender.popularity~main", refused.pid());
            assertEquals(bad.keySet().iterator().next(), refused.property());
        }
    }

    @Test
    void aChangeOutOfRangeIsRefusedAndThePreviousModelServesOn() throws InterruptedException {
        PopularityConfiguration defaults = Converters.standardConverter().convert(Map.of())
                .to(PopularityConfiguration.class);
        PopularityRecommender recommender = new PopularityRecommender(defaults, Map.of(), TestBank.dataset());
        String served = recommender.modelVersion();
        try {
            recommender.modified(defaults, Map.of("smoothing", -1.0));
            assertTrue(recommender.awaitReconfiguration(10_000));
            assertEquals(served, recommender.modelVersion(), "a negative smoothing is never trained");

            recommender.modified(Converters.standardConverter().convert(Map.of("smoothing", 5.0))
                    .to(PopularityConfiguration.class), Map.of("smoothing", 5.0));
            assertTrue(recommender.awaitReconfiguration(10_000));
            assertFalse(served.equals(recommender.modelVersion()), "a valid change retrains");
        } finally {
            recommender.deactivate();
        }
    }
}
