package org.finrec.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleBiFunction;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.RecommendationRequest;

/**
 * A hand-written recommender for the tests of what calls recommenders (the facade, the evaluator): scores come from
 * a function of the request and the candidates, each explanation is one reason with the recommender's reason code
 * that accounts for the whole score, read from the scoring call (never scored again), and every scoring call is
 * recorded. Thread-safe. Shipped in the api's test JAR.
 */
public final class FakeRecommender implements Recommender {

    /** Scores candidates; may block or throw. */
    @FunctionalInterface
    public interface ScoreFunction {
        /**
         * Scores candidates.
         *
         * @param request the request
         * @param candidates the candidate products
         * @return one score per candidate
         * @throws InterruptedException when interrupted while blocking
         */
        double[] score(RecommendationRequest request, List<Product> candidates) throws InterruptedException;
    }

    private final String name;
    private final String reasonCode;
    private final ScoreFunction function;
    private volatile String modelVersion;
    /** How many times candidates were scored. */
    public final AtomicInteger scoreCalls = new AtomicInteger();
    /** How many explanations were asked for. */
    public final AtomicInteger explainCalls = new AtomicInteger();
    /** The candidate ids of every scoring call, in call order. */
    public final List<List<String>> candidateIdsPerCall = new CopyOnWriteArrayList<>();
    /** The candidate ids of each customer's latest scoring call, by customer id. */
    public final Map<String, List<String>> candidateIdsByCustomer = new ConcurrentHashMap<>();
    /** The threads that scored, in call order. */
    public final List<Thread> scoringThreads = new CopyOnWriteArrayList<>();

    /**
     * Creates the recommender, serving model version {@code name + "-v1"}.
     *
     * @param name its name
     * @param reasonCode the code of its one reason
     * @param function what scores
     */
    public FakeRecommender(String name, String reasonCode, ScoreFunction function) {
        this.name = name;
        this.reasonCode = reasonCode;
        this.function = function;
        this.modelVersion = name + "-v1";
    }

    /**
     * Gives each product its score from the map, NaN ("no opinion") for products not in it.
     *
     * @param name its name
     * @param reasonCode the code of its one reason
     * @param scores score by product id
     * @return the recommender
     */
    public static FakeRecommender fixed(String name, String reasonCode, Map<String, Double> scores) {
        return perProduct(name, reasonCode, (customer, product) -> scores.getOrDefault(product.id(), Double.NaN));
    }

    /**
     * Scores each candidate by a function of the customer and the product.
     *
     * @param name its name
     * @param reasonCode the code of its one reason
     * @param score the score of a product for a customer
     * @return the recommender
     */
    public static FakeRecommender perProduct(String name, String reasonCode,
            ToDoubleBiFunction<Customer, Product> score) {
        return new FakeRecommender(name, reasonCode, (request, candidates) -> candidates.stream()
                .mapToDouble(product -> score.applyAsDouble(request.customer(), product)).toArray());
    }

    /**
     * A pseudo-random score per (customer, product) pair from few distinct values, so that there are many ties;
     * about one in ten is NaN.
     *
     * @return the recommender, named {@code hashed}
     */
    public static FakeRecommender hashed() {
        return perProduct("hashed", "HASHED", (customer, product) -> {
            int h = (customer.id() + "|" + product.id()).hashCode() * 0x9E3779B9;
            int bucket = Math.floorMod(h >>> 7, 20);
            return bucket == 0 || bucket == 1 ? Double.NaN : bucket % 7;
        });
    }

    /**
     * Fails every scoring call.
     *
     * @param name its name
     * @param failure what it throws
     * @return the recommender
     */
    public static FakeRecommender failing(String name, RuntimeException failure) {
        return new FakeRecommender(name, "NEVER", (request, candidates) -> {
            throw failure;
        });
    }

    /**
     * Serves another model version from now on; scorers already handed out keep theirs.
     *
     * @param version the new version
     */
    public void serveVersion(String version) {
        this.modelVersion = version;
    }

    /**
     * Returns the ids of the candidates of the latest scoring call.
     *
     * @return the ids
     */
    public List<String> lastCandidateIds() {
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
        return modelVersion;
    }

    @Override
    public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
        String version = modelVersion;
        Map<Integer, Double> scored = new ConcurrentHashMap<>();
        return new RequestScorer() {
            @Override
            public String modelVersion() {
                return version;
            }

            @Override
            public double[] score(int[] candidates) {
                List<Product> products = new ArrayList<>(candidates.length);
                for (int candidate : candidates) {
                    products.add(catalog.products().get(candidate));
                }
                List<String> ids = products.stream().map(Product::id).toList();
                scoreCalls.incrementAndGet();
                candidateIdsPerCall.add(ids);
                candidateIdsByCustomer.put(request.customer().id(), ids);
                scoringThreads.add(Thread.currentThread());
                try {
                    double[] scores = function.score(request, products);
                    for (int i = 0; i < candidates.length && i < scores.length; i++) {
                        scored.put(candidates[i], scores[i]);
                    }
                    return scores;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }

            @Override
            public Explanation explain(int candidate) {
                explainCalls.incrementAndGet();
                Double score = scored.get(candidate);
                Product product = catalog.products().get(candidate);
                if (score == null || !Double.isFinite(score)) {
                    throw new IllegalArgumentException(name + " gave " + product.id() + " no score");
                }
                return new Explanation(product.id(), score,
                        List.of(new Reason(reasonCode, name + " scored " + product.name() + ".", score)));
            }
        };
    }

    @Override
    public String toString() {
        return "FakeRecommender[" + name + "]";
    }
}
