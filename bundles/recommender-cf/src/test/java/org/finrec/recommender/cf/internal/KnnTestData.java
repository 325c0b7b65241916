package org.finrec.recommender.cf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;

/** Small datasets for the kNN tests. */
final class KnnTestData {

    /**
     * The 4 x 5 example the hand computations use (customers u0..u3, products p0..p4):
     *
     * <pre>
     *        p0 p1 p2 p3 p4
     *   u0    1  1  0  1  0
     *   u1    1  0  0  1  1
     *   u2    0  1  1  0  0
     *   u3    1  1  0  1  1
     * </pre>
     */
    static final int[][] EXAMPLE = {{0, 1, 3}, {0, 3, 4}, {1, 2}, {0, 1, 3, 4}};

    private KnnTestData() {
    }

    static Dataset example() {
        return dataset("example", 5, EXAMPLE);
    }

    /** Customers u0.. holding the given products p0..p(products-1) (names "Product p<i>"). */
    static Dataset dataset(String name, int products, int[][] rows) {
        List<Product> catalogue = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            catalogue.add(Product.builder("p" + i).name("Product p" + i).build());
        }
        List<Customer> customers = new ArrayList<>();
        for (int u = 0; u < rows.length; u++) {
            Customer.Builder customer = Customer.builder("u" + u);
            for (int i : rows[u]) {
                customer.holding("p" + i);
            }
            customers.add(customer.build());
        }
        return Dataset.of(name, customers, catalogue, List.of());
    }

    /** Random rows: customer u holds each product with a probability that varies by customer and product. */
    static int[][] randomRows(int users, int items, long seed) {
        Random random = new Random(seed);
        int[][] rows = new int[users][];
        for (int u = 0; u < users; u++) {
            double activity = 0.05 + 0.4 * random.nextDouble();
            List<Integer> row = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                double popularity = 1.0 / (1 + i * 0.15);
                if (random.nextDouble() < activity * popularity * 1.5) {
                    row.add(i);
                }
            }
            rows[u] = row.stream().mapToInt(Integer::intValue).toArray();
        }
        return rows;
    }

    static CfSettings settings(Algorithm algorithm, Similarity similarity, int neighbours, int threads) {
        return new CfSettings(algorithm, similarity, neighbours, 50, 15, 0.01, 10, 0.05, 30, 42, threads,
                Set.of(InteractionKind.PURCHASE, InteractionKind.HOLD));
    }
}
