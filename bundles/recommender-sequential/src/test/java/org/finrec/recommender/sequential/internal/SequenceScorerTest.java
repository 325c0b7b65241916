package org.finrec.recommender.sequential.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.EventSequence;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.inference.DynamicBatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SequenceScorerTest {

    private static Dataset cycle;
    private static SequentialModel model;
    private static ProductCatalog catalog;
    private static DynamicBatcher<SequenceScorer.Query, float[]> batcher;

    @BeforeAll
    static void train() {
        cycle = SequentialTrainerTest.cycle(200, 7);
        SequentialSettings settings = SequentialSettings.read("test", SequentialTrainerTest.defaults(),
                Map.of("width", 16, "layers", 1, "dropout", 0.1, "epochs", 15, "learning.rate", 0.01,
                        "warmup.steps", 0));
        model = new SequentialTrainer(settings, Device.cpu(), "scorer", line -> { }, () -> false)
                .train(cycle, ProgressListener.NONE);
        catalog = ProductCatalog.of(java.util.stream.IntStream.range(0, cycle.productCount())
                .mapToObj(cycle::product).toList());
        batcher = new DynamicBatcher<>("test", 16, Duration.ZERO, 256, SequenceScorer::scoreBatch);
    }

    @AfterAll
    static void close() {
        batcher.close();
    }

    private static SequenceScorer scorer(String customerId, List<Interaction> recent, AtomicLong unknown) {
        RecommendationRequest request = RecommendationRequest.builder(Customer.builder(customerId).build())
                .recentEvents(recent).build();
        return SequenceScorer.of(model, model.network(Device.cpu()), cycle.customerHistories(), cycle, request,
                catalog, batcher, unknown);
    }

    private static Interaction event(String customer, String product, int day) {
        return Interaction.of(customer, product, InteractionKind.VIEW, Instant.ofEpochSecond(1_800_000_000L + day
                * 86_400L));
    }

    @Test
    void aNewCustomerIsServedFromSessionEventsAndUnknownProductsAreSkippedAndCounted() {
        AtomicLong unknown = new AtomicLong();
        SequenceScorer scorer = scorer("new", List.of(event("new", "P10", 0), event("new", "not-in-model", 1),
                event("new", "P11", 2), event("someone-else", "P3", 3)), unknown);

        assertEquals(List.of("P10", "P11"), scorer.eventProducts());
        assertEquals(1, unknown.get());
        double[] scores = scorer.score(new int[] {catalog.indexOf("P12"), catalog.indexOf("P20")});
        assertTrue(scores[0] > scores[1], "after P10, P11 comes P12: " + scores[0] + " vs " + scores[1]);
    }

    @Test
    void aKnownCustomersHistoryComesBeforeTheSession() {
        SequenceScorer scorer = scorer("C0", List.of(event("C0", "P1", 10_000)), new AtomicLong());
        List<String> events = scorer.eventProducts();
        assertEquals(cycle.customerHistories().length(0) + 1, events.size());
        assertEquals("P1", events.get(events.size() - 1));
    }

    @Test
    void aSessionEventChangesTheRankingAtOnce() {
        EventSequence history = cycle.customerHistories().ofCustomer(0);
        int last = history.length() - 1;
        int lastProduct = Integer.parseInt(cycle.product(history.product(last)).id().substring(1));
        String jump = "P" + ((lastProduct + 5) % 30);
        String afterJump = "P" + ((lastProduct + 6) % 30);
        Interaction session = Interaction.of("C0", jump, InteractionKind.PURCHASE,
                Instant.ofEpochMilli(history.epochMillis(last)).plus(Duration.ofDays(1)));

        assertEquals("P" + ((lastProduct + 1) % 30), best(scorer("C0", List.of(), new AtomicLong())));
        assertEquals(afterJump, best(scorer("C0", List.of(session), new AtomicLong())));
    }

    private static String best(SequenceScorer scorer) {
        int[] all = java.util.stream.IntStream.range(0, catalog.products().size()).toArray();
        double[] scores = scorer.score(all);
        int best = 0;
        for (int c = 1; c < all.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return catalog.products().get(best).id();
    }

    @Test
    void aCustomerWithNeitherHistoryNorSessionGetsNoOpinion() {
        SequenceScorer scorer = scorer("nobody", List.of(), new AtomicLong());
        double[] scores = scorer.score(new int[] {0, 1});
        assertTrue(Double.isNaN(scores[0]) && Double.isNaN(scores[1]));
        assertThrows(IllegalArgumentException.class, () -> scorer.explain(0));
    }

    @Test
    void anExplanationsContributionsAddUpToTheScoreAndNameTheEvents() {
        SequenceScorer scorer = scorer("new", List.of(event("new", "P4", 0), event("new", "P5", 1),
                event("new", "P6", 2), event("new", "P7", 3), event("new", "P8", 4)), new AtomicLong());
        int candidate = catalog.indexOf("P9");
        double score = scorer.score(new int[] {candidate})[0];
        Explanation explanation = scorer.explain(candidate);

        assertEquals(score, explanation.score(), 1e-6);
        assertEquals(score, explanation.totalContribution(), 1e-4);
        assertEquals(5, explanation.reasons().size(), "3 named events, the 2 others, the base term");
        assertTrue(explanation.reasons().get(0).message().startsWith("viewed Product "),
                explanation.reasons().get(0).message());
    }
}
