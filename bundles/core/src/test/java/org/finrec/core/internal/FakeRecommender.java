package org.finrec.core.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.finrec.api.Product;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;

/**
 * A hand-written recommender for facade tests: scores come from a function, the explanation is one reason with the
 * recommender's reason code that accounts for the whole score, and every call to {@link #score} is recorded.
 */
final class FakeRecommender implements Recommender {

    /** Scores candidates; may block or throw. */
    @FunctionalInterface
    interface Scorer {
        double[] score(RecommendationRequest request, List<Product> candidates) throws InterruptedException;
    }

    private final String name;
    private final String reasonCode;
    private final Scorer scorer;
    final AtomicInteger scoreCalls = new AtomicInteger();
    final List<List<String>> candidateIdsPerCall = new CopyOnWriteArrayList<>();
    final List<Thread> scoringThreads = new CopyOnWriteArrayList<>();

    FakeRecommender(String name, String reasonCode, Scorer scorer) {
        this.name = name;
        this.reasonCode = reasonCode;
        this.scorer = scorer;
    }

    /** Gives each product its score from the map, NaN ("no opinion") for products not in it. */
    static FakeRecommender fixed(String name, String reasonCode, Map<String, Double> scores) {
        return new FakeRecommender(name, reasonCode, (request, candidates) -> candidates.stream()
                .mapToDouble(product -> scores.getOrDefault(product.id(), Double.NaN)).toArray());
    }

    static FakeRecommender failing(String name, RuntimeException failure) {
        return new FakeRecommender(name, "NEVER", (request, candidates) -> {
            throw failure;
        });
    }

    /** The ids of the candidates of the latest {@link #score} call. */
    List<String> lastCandidateIds() {
        return candidateIdsPerCall.get(candidateIdsPerCall.size() - 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String family() {
        return "test";
    }

    @Override
    public String modelVersion() {
        return name + "-v1";
    }

    @Override
    public double[] score(RecommendationRequest request, List<Product> candidates) {
        scoreCalls.incrementAndGet();
        candidateIdsPerCall.add(candidates.stream().map(Product::id).toList());
        scoringThreads.add(Thread.currentThread());
        try {
            return scorer.score(request, candidates);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public Explanation explain(RecommendationRequest request, Product product) {
        double score;
        try {
            score = scorer.score(request, List.of(product))[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new Explanation(product.id(), score,
                List.of(new Reason(reasonCode, name + " scored " + product.name() + ".", score)));
    }

    @Override
    public String toString() {
        return "FakeRecommender[" + name + "]";
    }
}
