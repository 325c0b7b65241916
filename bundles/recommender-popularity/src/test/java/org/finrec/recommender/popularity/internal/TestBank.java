package org.finrec.recommender.popularity.internal;

import java.time.Instant;
import java.util.List;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;

/**
 * A small hand-built bank whose adoption counts are worked out by hand below.
 *
 * <pre>
 * customer segment  age holds  interactions                          adopted (PURCHASE, HOLD, holdings)
 * c1       retail   25  A      -                                     A
 * c2       retail   34  A B    -                                     A B
 * c3       retail   38  -      PURCHASE B, HOLD B, VIEW C            B   (B once, VIEW C not counted)
 * c4       private  52  C      PURCHASE C, PURCHASE A                A C (C once)
 * c5       -        61  B      VIEW A, CLICK B, APPLY C, CLOSE A     B
 * c6       private  45  -      -                                     -
 *
 * overall (n = 6):          A 3, B 3, C 1, D 0
 * retail  (n = 3):          A 2, B 2, C 0, D 0
 * private (n = 2):          A 1, B 0, C 1, D 0
 * </pre>
 */
final class TestBank {

    static final String[] PRODUCT_IDS = {"A", "B", "C", "D"};
    static final int CUSTOMERS = 6;
    static final int[] OVERALL = {3, 3, 1, 0};
    static final int RETAIL_CUSTOMERS = 3;
    static final int[] RETAIL = {2, 2, 0, 0};
    static final int PRIVATE_CUSTOMERS = 2;
    static final int[] PRIVATE = {1, 0, 1, 0};

    private TestBank() {
    }

    static List<Product> products() {
        return List.of(product("A"), product("B"), product("C"), product("D"));
    }

    static Product product(String id) {
        return Product.builder(id).name("Product " + id).build();
    }

    static List<Customer> customers() {
        return List.of(
                Customer.builder("c1").segment("retail").age(25).holding("A").build(),
                Customer.builder("c2").segment("retail").age(34).holding("A", "B").build(),
                Customer.builder("c3").segment("retail").age(38).build(),
                Customer.builder("c4").segment("private").age(52).holding("C").build(),
                Customer.builder("c5").age(61).holding("B").build(),
                Customer.builder("c6").segment("private").age(45).build());
    }

    static List<Interaction> interactions() {
        return List.of(
                event("c3", "B", InteractionKind.PURCHASE, 1),
                event("c3", "B", InteractionKind.HOLD, 2),
                event("c3", "C", InteractionKind.VIEW, 3),
                event("c4", "C", InteractionKind.PURCHASE, 4),
                event("c4", "A", InteractionKind.PURCHASE, 5),
                event("c5", "A", InteractionKind.VIEW, 6),
                event("c5", "B", InteractionKind.CLICK, 7),
                event("c5", "C", InteractionKind.APPLY, 8),
                event("c5", "A", InteractionKind.CLOSE, 9));
    }

    static Interaction event(String customer, String product, InteractionKind kind, long epochSecond) {
        return Interaction.of(customer, product, kind, Instant.ofEpochSecond(epochSecond));
    }

    static Dataset dataset() {
        return Dataset.of("test-bank", customers(), products(), interactions());
    }
}
