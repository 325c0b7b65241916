package org.finrec.recommender.cf.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;

/** Small datasets and settings for the matrix-factorisation tests. */
final class AlsBprFixtures {

    static final Set<InteractionKind> POSITIVE = Set.of(InteractionKind.PURCHASE, InteractionKind.HOLD);

    private AlsBprFixtures() {
    }

    /** A dataset whose customer {@code c} purchased the products {@code rows[c]} (product ids "P0".."P{n-1}"). */
    static Dataset dataset(int products, int[][] rows) {
        List<Product> catalogue = new ArrayList<>();
        for (int p = 0; p < products; p++) {
            catalogue.add(Product.builder("P" + p).name("Product " + p).build());
        }
        List<Customer> customers = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int c = 0; c < rows.length; c++) {
            customers.add(Customer.builder("C" + c).build());
            for (int p : rows[c]) {
                interactions.add(Interaction.of("C" + c, "P" + p, InteractionKind.PURCHASE,
                        start.plusSeconds(c * 1000L + p)));
            }
        }
        return Dataset.of("fixture", customers, catalogue, interactions);
    }

    /**
     * {@code blocks} groups of {@code perBlock} customers and {@code itemsPerBlock} products; each customer has
     * each product of their own block with probability {@code density} (at least one), and none of the others.
     */
    static int[][] blockRows(int blocks, int perBlock, int itemsPerBlock, double density, long seed) {
        Random random = new Random(seed);
        int[][] rows = new int[blocks * perBlock][];
        for (int c = 0; c < rows.length; c++) {
            int block = c / perBlock;
            List<Integer> items = new ArrayList<>();
            for (int k = 0; k < itemsPerBlock; k++) {
                if (random.nextDouble() < density) {
                    items.add(block * itemsPerBlock + k);
                }
            }
            if (items.isEmpty()) {
                items.add(block * itemsPerBlock + random.nextInt(itemsPerBlock));
            }
            rows[c] = items.stream().mapToInt(Integer::intValue).toArray();
        }
        return rows;
    }

    static CfSettings settings(Algorithm algorithm, int factors, int iterations, double regularization, double alpha,
            double learningRate, int epochs, long seed, int threads) {
        return new CfSettings(algorithm, Similarity.COSINE, 50, factors, iterations, regularization, alpha,
                learningRate, epochs, seed, threads, POSITIVE);
    }

    static double sum(List<org.finrec.api.recommend.Reason> reasons) {
        return reasons.stream().mapToDouble(org.finrec.api.recommend.Reason::contribution).sum();
    }
}
