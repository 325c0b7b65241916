package org.finrec.recommender.content.internal;

import static org.finrec.api.spi.ProductListScoring.explain;
import static org.finrec.api.spi.ProductListScoring.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.api.data.Dataset;
import org.finrec.api.inference.TextEncoder;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.recommend.RequestContext;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RecommenderContractTest;
import org.junit.jupiter.api.Test;

class ContentMatchRecommenderTest extends RecommenderContractTest {

    private static final ContentMatchRecommender.TextWeights TEXT = new ContentMatchRecommender.TextWeights(4, 1, 2, 5,
            0.0);

    @Override
    protected Recommender train(Dataset data) {
        return recommender(data);
    }

    @Override
    protected void swapModel(Recommender recommender, Dataset data) {
        ((ContentMatchRecommender) recommender).serve(model(data));
    }

    @Override
    protected boolean scoresUnseenProducts() {
        return true;
    }

    private static ProfileMatchModel model(Dataset data) {
        return ProfileMatchModel.train(data, ProfileFeatures.fit(data, List.of("segment")), 1.0, 20_000);
    }

    private static ContentMatchRecommender recommender(Dataset data) {
        return new ContentMatchRecommender("content-match", model(data), data, TEXT);
    }

    /**
     * 200 customers: the young (20-34) hold loans and the older (50-64) pensions, everyone a current account. Two
     * products, a new loan and a new pension, have no holders at all.
     */
    private static Dataset lifeStages() {
        List<Product> products = List.of(
                Product.builder("current").name("Current account").category(ProductCategory.ACCOUNT)
                        .description("Everyday account for salary, card payments and transfers.").build(),
                Product.builder("car-loan").name("Car loan").category(ProductCategory.LOAN).riskClass(1)
                        .termMonths(48).annualRatePercent(7.5)
                        .description("Borrow to buy a car and repay in fixed monthly instalments.").build(),
                Product.builder("pension-plan").name("Pension plan").category(ProductCategory.PENSION)
                        .riskClass(3).description("Save for retirement with tax relief on contributions.").build(),
                Product.builder("new-loan").name("Home improvement loan").category(ProductCategory.LOAN)
                        .riskClass(1).termMonths(60).annualRatePercent(6.9)
                        .description("Borrow to renovate your home and repay monthly.").build(),
                Product.builder("new-pension").name("Flexible pension").category(ProductCategory.PENSION)
                        .riskClass(3).description("A retirement savings plan you can pay into when you like.")
                        .build(),
                Product.builder("education-saver").name("Education saver").category(ProductCategory.DEPOSIT)
                        .termMonths(60).annualRatePercent(3.0)
                        .description("Savings account for a child's university education with a bonus rate.")
                        .build());
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            boolean young = c % 2 == 0;
            Customer.Builder customer = Customer.builder("c" + c).age(young ? 20 + c % 15 : 50 + c % 15)
                    .segment("retail").holding("current");
            if (c % 5 != 0) {
                customer.holding(young ? "car-loan" : "pension-plan");
            }
            if (c % 10 == 1) {
                customer.holding("education-saver");
            }
            customers.add(customer.build());
        }
        return Dataset.of("life-stages", customers, products, List.of());
    }

    private static Product product(Dataset data, String id) {
        return data.product(data.productIndex(id));
    }

    @Test
    void aNewProductIsScoredByItsAttributesAndSaysItIsNew() {
        Dataset data = lifeStages();
        ContentMatchRecommender recommender = recommender(data);
        List<Product> newProducts = List.of(product(data, "new-loan"), product(data, "new-pension"));
        RecommendationRequest young = RecommendationRequest.builder(Customer.builder("y").age(24).build()).build();
        RecommendationRequest older = RecommendationRequest.builder(Customer.builder("o").age(58).build()).build();

        double[] forYoung = score(recommender, young, newProducts);
        double[] forOlder = score(recommender, older, newProducts);

        assertTrue(forYoung[0] > forYoung[1], "the young get the new loan first: " + List.of(forYoung[0], forYoung[1]));
        assertTrue(forOlder[1] > forOlder[0], "the older the new pension: " + List.of(forOlder[0], forOlder[1]));
        Explanation explanation = explain(recommender, older, newProducts.get(1));
        assertEquals(forOlder[1], explanation.score(), 1e-9);
        assertEquals(explanation.score(), explanation.reasons().stream().mapToDouble(Reason::contribution).sum(),
                1e-9);
        assertTrue(explanation.reasons().get(0).message().contains("Flexible pension is new"),
                explanation.reasons().get(0).message());
        assertTrue(explanation.reasons().stream().anyMatch(r -> r.code().equals(ReasonCodes.PROFILE_MATCH)
                && r.message().startsWith("Pension products for customers aged 50 to 64: held more often")),
                explanation.reasons().toString());
    }

    @Test
    void aKnownProductStartsFromItsOwnOdds() {
        Dataset data = lifeStages();
        ContentMatchRecommender recommender = recommender(data);
        Customer customer = Customer.builder("n").age(30).build();
        Explanation explanation = explain(recommender, RecommendationRequest.builder(customer).build(),
                product(data, "car-loan"));
        assertTrue(explanation.reasons().get(0).message().startsWith("How widely Car loan is held"),
                explanation.reasons().get(0).message());
        assertEquals(ReasonCodes.POPULAR_OVERALL, explanation.reasons().get(0).code());
    }

    @Test
    void theIntentRanksTheProductThatMeansTheSameFirstAndIsQuotedInTheReason() {
        Dataset data = lifeStages();
        ContentMatchRecommender recommender = recommender(data);
        recommender.bindEncoder(new WordEncoder());
        Customer parent = Customer.builder("p").age(45).holding("current").build();
        List<Product> candidates = List.of(product(data, "car-loan"), product(data, "pension-plan"),
                product(data, "education-saver"), product(data, "new-loan"));
        RecommendationRequest plain = RecommendationRequest.builder(parent).build();
        RecommendationRequest asking = RecommendationRequest.builder(parent).context(RequestContext.EMPTY
                .withAttribute(RequestContext.INTENT, "saving for my daughter's university education")).build();

        double[] without = score(recommender, plain, candidates);
        double[] with = score(recommender, asking, candidates);

        assertEquals(2, argMax(with), "education saver first with the intent: " + java.util.Arrays.toString(with));
        assertTrue(with[2] - without[2] > with[0] - without[0], "the intent lifts the education saver most");
        Explanation explanation = explain(recommender, asking, candidates.get(2));
        assertEquals(with[2], explanation.score(), 1e-9);
        Reason text = explanation.reasons().stream().filter(r -> r.code().equals(ReasonCodes.TEXT_MATCH)
                && r.message().contains("asked for")).findFirst().orElseThrow();
        assertTrue(text.message().contains("\"saving for my daughter's university education\""), text.message());
        assertTrue(text.message().contains("standard deviations from the catalogue's average"), text.message());
        assertTrue(text.contribution() > 0);
    }

    @Test
    void anIntentCloseToNoProductAddsNothingWhileOneThatMatchesStillCounts() {
        Dataset data = lifeStages();
        Customer parent = Customer.builder("p").age(45).holding("current").build();
        List<Product> candidates = java.util.stream.IntStream.range(0, data.productCount()).mapToObj(data::product)
                .toList();
        RecommendationRequest plain = RecommendationRequest.builder(parent).build();
        // words no product uses: the word encoder's hashing still puts them a little near some products
        RecommendationRequest noise = RecommendationRequest.builder(parent).context(RequestContext.EMPTY
                .withAttribute(RequestContext.INTENT, "lorem ipsum dolor amet consectetur")).build();
        RecommendationRequest asking = RecommendationRequest.builder(parent).context(RequestContext.EMPTY
                .withAttribute(RequestContext.INTENT, "saving for my daughter's university education")).build();

        ContentMatchRecommender counting = new ContentMatchRecommender("content-match", model(data), data,
                new ContentMatchRecommender.TextWeights(4, 1, 2, 5, 0.0));
        counting.bindEncoder(new WordEncoder());
        assertFalse(java.util.Arrays.equals(score(counting, plain, candidates), score(counting, noise, candidates)),
                "standardised over the catalogue, noise moves scores when every intent counts");

        ContentMatchRecommender gated = new ContentMatchRecommender("content-match", model(data), data,
                new ContentMatchRecommender.TextWeights(4, 1, 2, 5, 0.3));
        gated.bindEncoder(new WordEncoder());
        assertArrayEquals(score(gated, plain, candidates), score(gated, noise, candidates), 1e-12,
                "below the minimum similarity the intent adds nothing");
        for (Product product : candidates) {
            assertFalse(explain(gated, noise, product).reasons().stream().anyMatch(r -> r.message()
                    .contains("asked for")), "no reason quotes an intent that did not count");
        }
        assertEquals(candidates.indexOf(product(data, "education-saver")), argMax(score(gated, asking, candidates)),
                "an intent that matches a product still counts");
    }

    @Test
    void viewsAndHoldingsCountThroughTheClosestProductAndNeverTheProductItself() {
        Dataset data = lifeStages();
        ContentMatchRecommender recommender = recommender(data);
        recommender.bindEncoder(new WordEncoder());
        Customer customer = Customer.builder("v").age(40).holding("pension-plan").build();
        RecommendationRequest viewing = RecommendationRequest.builder(customer).recentEvents(List.of(
                Interaction.of("v", "car-loan", InteractionKind.VIEW, Instant.parse("2026-11-01T10:00:00Z"))))
                .build();

        Explanation explanation = explain(recommender, viewing, product(data, "new-loan"));

        assertTrue(explanation.reasons().stream().anyMatch(r -> r.message().contains("close to Car loan, which the "
                + "customer viewed recently")), explanation.reasons().toString());
        assertTrue(explanation.reasons().stream().anyMatch(r -> r.message().contains("close to Pension plan, which "
                + "the customer holds")), explanation.reasons().toString());
        Explanation ofViewed = explain(recommender, viewing, product(data, "car-loan"));
        assertFalse(ofViewed.reasons().stream().anyMatch(r -> r.message().contains("close to Car loan")),
                "a product is never close to itself: " + ofViewed.reasons());
    }

    @Test
    void withoutAnEncoderOnlyTheProfileCountsAndTheEncoderCanGoAway() {
        Dataset data = lifeStages();
        ContentMatchRecommender recommender = recommender(data);
        Customer parent = Customer.builder("p").age(45).build();
        RecommendationRequest asking = RecommendationRequest.builder(parent).context(RequestContext.EMPTY
                .withAttribute(RequestContext.INTENT, "university education savings")).build();
        List<Product> candidates = List.of(product(data, "education-saver"));
        double profileOnly = score(recommender, asking, candidates)[0];

        WordEncoder encoder = new WordEncoder();
        recommender.bindEncoder(encoder);
        double withText = score(recommender, asking, candidates)[0];
        recommender.unbindEncoder(encoder);

        assertTrue(withText > profileOnly);
        assertEquals(profileOnly, score(recommender, asking, candidates)[0], 1e-12);
        assertFalse(explain(recommender, asking, candidates.get(0)).reasons().stream()
                .anyMatch(r -> r.code().equals(ReasonCodes.TEXT_MATCH)));
    }

    @Test
    void productTextsAreEncodedOnceAndTheIntentOncePerText() {
        Dataset data = lifeStages();
        ContentMatchRecommender recommender = recommender(data);
        WordEncoder encoder = new WordEncoder();
        recommender.bindEncoder(encoder);
        RecommendationRequest asking = RecommendationRequest.builder(Customer.builder("p").age(45).build())
                .context(RequestContext.EMPTY.withAttribute(RequestContext.INTENT, "a loan for a car")).build();
        List<Product> candidates = List.of(product(data, "car-loan"), product(data, "new-loan"));

        for (int i = 0; i < 5; i++) {
            score(recommender, asking, candidates);
            explain(recommender, asking, candidates.get(0));
        }

        assertEquals(7, encoder.texts.get(), "the six catalogue texts (the reference of the intent) and the intent");
    }

    @Test
    void dataWithoutAnyHolderCannotBeLearned() {
        Dataset empty = Dataset.of("nobody-holds", List.of(Customer.builder("c").age(30).build()),
                List.of(Product.builder("p").build()), List.of());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProfileMatchModel.train(empty, ProfileFeatures.fit(empty, List.of()), 1.0, 10));
        assertTrue(error.getMessage().contains("nobody-holds"), error.getMessage());
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    /** A bag-of-words encoder: each word stem (first 5 letters) a hashed dimension, normalised. */
    private static final class WordEncoder implements TextEncoder {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public String modelVersion() {
            return "words";
        }

        @Override
        public float[] encode(String text) {
            texts.incrementAndGet();
            float[] vector = new float[dimension()];
            for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (word.length() > 3) {
                    String stem = word.substring(0, Math.min(5, word.length()));
                    vector[Math.floorMod(stem.hashCode(), vector.length)] += 1;
                }
            }
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            for (int i = 0; i < vector.length && norm > 0; i++) {
                vector[i] /= (float) Math.sqrt(norm);
            }
            return vector;
        }

        @Override
        public List<float[]> encodeAll(List<String> texts) {
            return texts.stream().map(this::encode).toList();
        }
    }

    @Test
    void theLargestProfileTermsAreNamedAndTheRestShareOneReason() {
        Dataset data = lifeStages();
        ContentMatchRecommender recommender = recommender(data);
        Customer customer = Customer.builder("n").age(58).annualIncome(40_000).riskTolerance(3).segment("retail")
                .build();
        RecommendationRequest request = RecommendationRequest.builder(customer).build();

        Explanation explanation = explain(recommender, request, product(data, "pension-plan"));

        List<Reason> profile = explanation.reasons().stream()
                .filter(r -> r.code().equals(ReasonCodes.PROFILE_MATCH)).toList();
        assertEquals(5, profile.size(), profile.toString());
        for (int i = 1; i < 4; i++) {
            assertTrue(Math.abs(profile.get(i - 1).contribution()) >= Math.abs(profile.get(i).contribution()));
        }
        assertTrue(profile.get(4).message().contains("smaller profile terms"), profile.get(4).message());
        assertEquals(score(recommender, request, List.of(product(data, "pension-plan")))[0],
                explanation.reasons().stream().mapToDouble(Reason::contribution).sum(), 1e-9);
    }

    @Test
    void aRecordedLifeStageIsCrossedOnceEvenWhenNamedAsAnAttribute() {
        Dataset data = lifeStages();
        ProfileFeatures features = ProfileFeatures.fit(data, List.of("segment", ProfileFeatures.LIFE_STAGE));
        Customer customer = Customer.builder("s").attribute(ProfileFeatures.LIFE_STAGE, "FAMILY").segment("retail")
                .build();

        List<String> keys = features.features(features.profile(customer), product(data, "car-loan")).stream()
                .map(ProfileFeatures.Feature::key).toList();

        assertEquals(1, keys.stream().filter(key -> key.startsWith("category=LOAN|") && key.contains("FAMILY"))
                .count(), keys.toString());
        assertTrue(keys.contains("category=LOAN|stage=FAMILY"), keys.toString());
        assertTrue(keys.contains("category=LOAN|segment=retail"), keys.toString());
    }

    @Test
    void aProductWhoseDescriptionChangesIsEncodedAgain() {
        Dataset data = lifeStages();
        ContentMatchRecommender recommender = recommender(data);
        WordEncoder encoder = new WordEncoder();
        recommender.bindEncoder(encoder);
        Customer customer = Customer.builder("h").age(40).holding("current").build();
        Product loan = product(data, "car-loan");
        Product reworded = Product.builder(loan.id()).name(loan.name()).category(loan.category())
                .riskClass(loan.riskClass().getAsInt()).termMonths(48).annualRatePercent(7.5)
                .description("A car loan repaid from your salary account by monthly transfers.").build();

        double before = score(recommender, RecommendationRequest.builder(customer).build(), List.of(loan))[0];
        int encoded = encoder.texts.get();
        double after = score(recommender, RecommendationRequest.builder(customer).build(), List.of(reworded))[0];

        assertEquals(encoded + 1, encoder.texts.get(), "only the reworded product is encoded again");
        assertTrue(before != after, "its text similarity follows the new description");
    }
}
