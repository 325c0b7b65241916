package org.finrec.eval.internal.split;

import static org.finrec.api.InteractionKind.CLICK;
import static org.finrec.api.InteractionKind.CLOSE;
import static org.finrec.api.InteractionKind.HOLD;
import static org.finrec.api.InteractionKind.PURCHASE;
import static org.finrec.api.InteractionKind.VIEW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.eval.EvaluationCase;

/**
 * Builds the small datasets of the splitter tests and describes views in a form a test can compare exactly:
 * interactions as {@code "c0 HOLD A @1"} (customer, kind, product, day).
 */
final class TinyBank {

    static final Instant DAY_ZERO = Instant.parse("2016-01-01T00:00:00Z");

    private TinyBank() {
    }

    static Instant day(int day) {
        return DAY_ZERO.plus(Duration.ofDays(day));
    }

    static List<Product> products(String... ids) {
        List<Product> products = new ArrayList<>();
        for (String id : ids) {
            products.add(Product.builder(id).build());
        }
        return products;
    }

    static Customer customer(String id, String... holdings) {
        return Customer.builder(id).age(40).segment("retail").holding(holdings).build();
    }

    static Interaction event(String customer, InteractionKind kind, String product, int day) {
        return Interaction.of(customer, product, kind, day(day));
    }

    static Dataset dataset(List<Customer> customers, List<Product> products, Interaction... interactions) {
        return Dataset.of("tiny", customers, products, Arrays.asList(interactions));
    }

    /**
     * Five customers and four products (A=0, B=1, C=2, D=3) in which every customer differs; interactions sorted by
     * day, ties in input order:
     *
     * <pre>
     * customer holds   interactions
     * c0       A B C   HOLD A @1, HOLD B @1, VIEW C @2, PURCHASE C @3, CLICK B @4
     * c1       -       VIEW A @1, VIEW D @4
     * c2       D       PURCHASE D @2, VIEW D @5
     * c3       A D     HOLD A @0, HOLD D @0, CLOSE B @6
     * c4       B       VIEW B @3
     * </pre>
     */
    static Dataset fiveCustomers() {
        return dataset(
                List.of(customer("c0", "A", "B", "C"), customer("c1"), customer("c2", "D"), customer("c3", "A", "D"),
                        customer("c4", "B")),
                products("A", "B", "C", "D"),
                event("c0", HOLD, "A", 1), event("c0", HOLD, "B", 1), event("c0", VIEW, "C", 2),
                event("c0", PURCHASE, "C", 3), event("c0", CLICK, "B", 4),
                event("c1", VIEW, "A", 1), event("c1", VIEW, "D", 4),
                event("c2", PURCHASE, "D", 2), event("c2", VIEW, "D", 5),
                event("c3", HOLD, "A", 0), event("c3", HOLD, "D", 0), event("c3", CLOSE, "B", 6),
                event("c4", VIEW, "B", 3));
    }

    /**
     * Checks the {@link Dataset} contract on a view: ids and indices translate both ways, holdings are strictly
     * ascending and agree with {@code customer(i).holdings()}, interactions are in time order and name customers
     * and products of the view, and indices out of range are refused.
     */
    static void assertConsistent(Dataset view) {
        for (int c = 0; c < view.customerCount(); c++) {
            assertEquals(c, view.customerIndex(view.customer(c).id()), "customer " + c);
            int[] holdings = view.holdings(c);
            for (int h = 1; h < holdings.length; h++) {
                assertTrue(holdings[h - 1] < holdings[h], "holdings of customer " + c + " ascending");
            }
            assertEquals(holdingIds(view, c), new TreeSet<>(view.customer(c).holdings()), "holdings of " + c);
        }
        for (int p = 0; p < view.productCount(); p++) {
            assertEquals(p, view.productIndex(view.product(p).id()), "product " + p);
        }
        for (int i = 0; i < view.interactionCount(); i++) {
            int customer = view.interactionCustomer(i);
            int product = view.interactionProduct(i);
            assertTrue(customer >= 0 && customer < view.customerCount(), "customer of interaction " + i);
            assertTrue(product >= 0 && product < view.productCount(), "product of interaction " + i);
            assertTrue(i == 0 || view.interactionEpochMillis(i - 1) <= view.interactionEpochMillis(i), "time order");
        }
        assertThrows(IndexOutOfBoundsException.class, () -> view.customer(view.customerCount()));
        assertThrows(IndexOutOfBoundsException.class, () -> view.interactionProduct(view.interactionCount()));
    }

    /** Every interaction of the dataset in index order, as "customer KIND product @day". */
    static List<String> interactions(Dataset data) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < data.interactionCount(); i++) {
            long day = Duration.between(DAY_ZERO, Instant.ofEpochMilli(data.interactionEpochMillis(i))).toDays();
            described.add(data.customer(data.interactionCustomer(i)).id() + " " + data.interactionKind(i) + " "
                    + data.product(data.interactionProduct(i)).id() + " @" + day);
        }
        return described;
    }

    /** The product ids a customer holds according to {@code holdings(c)}. */
    static Set<String> holdingIds(Dataset data, int customer) {
        Set<String> ids = new TreeSet<>();
        for (int product : data.holdings(customer)) {
            ids.add(data.product(product).id());
        }
        return ids;
    }

    static int[] ints(int... values) {
        return values;
    }

    /** Checks one case's customer id, relevant and excluded products. */
    static void assertCase(EvaluationCase evaluationCase, String customer, int[] relevant, int[] excluded) {
        assertEquals(customer, evaluationCase.customer().id());
        assertArrayEquals(relevant, evaluationCase.relevant(), customer + " relevant");
        assertArrayEquals(excluded, evaluationCase.excluded(), customer + " excluded");
    }

    /** The cases as "customer [relevant] excl [excluded]". */
    static List<String> describe(List<EvaluationCase> cases) {
        List<String> described = new ArrayList<>();
        for (EvaluationCase evaluationCase : cases) {
            described.add(evaluationCase.customer().id() + " " + Arrays.toString(evaluationCase.relevant())
                    + " excl " + Arrays.toString(evaluationCase.excluded()));
        }
        return described;
    }
}
