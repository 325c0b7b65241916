package org.finrec.eval.internal.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
