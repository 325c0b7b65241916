package org.finrec.eval.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleBiFunction;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;

/**
 * A deterministic, thread-safe recommender for evaluator tests: each candidate's score is a function of the
 * customer and the product, and the candidate ids of every customer's latest call are recorded.
 */
public class FakeRecommender implements Recommender {

    private final String name;
    private final ToDoubleBiFunction<Customer, Product> score;
    /** The candidate ids of each customer's latest call, by customer id. */
    public final Map<String, List<String>> candidateIdsByCustomer = new ConcurrentHashMap<>();

    /**
     * Creates the recommender.
     *
     * @param name its name
     * @param score the score of a candidate for a customer
     */
    public FakeRecommender(String name, ToDoubleBiFunction<Customer, Product> score) {
        this.name = name;
        this.score = score;
    }

    /** The same score for every customer: the map's value, NaN for products not in it. */
    public static FakeRecommender fixed(Map<String, Double> scores) {
        return new FakeRecommender("fixed", (customer, product) -> scores.getOrDefault(product.id(), Double.NaN));
    }

    /**
     * A pseudo-random score per (customer, product) pair from few distinct values, so that there are many ties;
     * about one in ten is NaN.
     */
    public static FakeRecommender hashed() {
        return new FakeRecommender("hashed", (customer, product) -> {
            int h = (customer.id() + "|" + product.id()).hashCode() * 0x9E3779B9;
            int bucket = Math.floorMod(h >>> 7, 20);
            return bucket == 0 || bucket == 1 ? Double.NaN : bucket % 7;
        });
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
        return name + "-1";
    }

    @Override
    public double[] score(RecommendationRequest request, List<Product> candidates) {
        List<String> ids = new ArrayList<>(candidates.size());
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            Product product = candidates.get(i);
            ids.add(product.id());
            scores[i] = score.applyAsDouble(request.customer(), product);
        }
        candidateIdsByCustomer.put(request.customer().id(), ids);
        return scores;
    }

    @Override
    public Explanation explain(RecommendationRequest request, Product product) {
        throw new UnsupportedOperationException("the evaluator never explains");
    }
}
