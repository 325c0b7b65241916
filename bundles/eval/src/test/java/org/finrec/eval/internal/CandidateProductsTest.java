package org.finrec.eval.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.finrec.api.Product;
import org.junit.jupiter.api.Test;

class CandidateProductsTest {

    private static Product[] products(int count) {
        Product[] products = new Product[count];
        for (int p = 0; p < count; p++) {
            products[p] = Product.builder("P" + p).build();
        }
        return products;
    }

    /* Products P0..P5 without {1, 2, 4}: P0, P3, P5 (excluded[m] - m = 1, 1, 2). */
    @Test
    void skipsTheExcludedProducts() {
        CandidateProducts candidates = new CandidateProducts(products(6), new int[] {1, 2, 4});
        assertEquals(3, candidates.size());
        assertEquals(List.of("P0", "P3", "P5"), candidates.stream().map(Product::id).toList());
        assertEquals(5, candidates.productIndex(2));
        assertThrows(IndexOutOfBoundsException.class, () -> candidates.get(3));
        assertThrows(UnsupportedOperationException.class, () -> candidates.add(Product.builder("X").build()));
    }

    @Test
    void agreesWithFilteringOnRandomExclusions() {
        Random random = new Random(9);
        Product[] products = products(50);
        for (int run = 0; run < 500; run++) {
            int[] excluded = random.ints(0, 50).distinct().limit(random.nextInt(51)).sorted().toArray();
            List<Product> expected = new ArrayList<>();
            for (int p = 0, e = 0; p < products.length; p++) {
                if (e < excluded.length && excluded[e] == p) {
                    e++;
                } else {
                    expected.add(products[p]);
                }
            }
            assertEquals(expected, new CandidateProducts(products, excluded), "run " + run);
        }
    }
}
