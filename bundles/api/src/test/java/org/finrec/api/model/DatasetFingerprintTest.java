package org.finrec.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.junit.jupiter.api.Test;

class DatasetFingerprintTest {

    private static List<Customer> customers() {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 300; c++) { // enough to fill the 16 KiB buffer several times
            customers.add(Customer.builder("C" + c).age(20 + c % 50).annualIncome(1000.5 * c).segment("s" + c % 3)
                    .riskTolerance(1 + c % 7).attribute("province", "p" + c % 5).attribute("employment", "e" + c % 2)
                    .holding("P" + c % 4).build());
        }
        return customers;
    }

    private static List<Product> products() {
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            products.add(Product.builder("P" + p).name("Product " + p).termMonths(12 * (p + 1))
                    .description("Ünïcode text " + p).build());
        }
        return products;
    }

    private static List<Interaction> interactions() {
        List<Interaction> interactions = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            interactions.add(Interaction.of("C" + k % 300, "P" + k % 4, InteractionKind.values()[k % 6],
                    Instant.ofEpochSecond(1_700_000_000L + k)));
        }
        return interactions;
    }

    private static String fingerprint(String name, List<Customer> customers, List<Product> products,
            List<Interaction> interactions) {
        return DatasetFingerprint.of(Dataset.of(name, customers, products, interactions));
    }

    private static String base() {
        return fingerprint("d", customers(), products(), interactions());
    }

    private static String withCustomer(int index, UnaryOperator<Customer.Builder> change) {
        List<Customer> customers = customers();
        customers.set(index, change.apply(customers.get(index).toBuilder()).build());
        return fingerprint("d", customers, products(), interactions());
    }

    @Test
    void theSameContentHasTheSameFingerprintWhateverItsName() {
        String fingerprint = base();
        assertTrue(ModelVersion.isVersion(fingerprint), fingerprint);
        assertEquals(fingerprint, base());
        assertEquals(fingerprint, fingerprint("other name", customers(), products(), interactions()));
    }

    @Test
    void everyKindOfChangeChangesIt() {
        Set<String> fingerprints = new HashSet<>();
        fingerprints.add(base());
        fingerprints.add(withCustomer(17, b -> b.age(99)));
        fingerprints.add(withCustomer(17, b -> b.annualIncome(1.0)));
        fingerprints.add(withCustomer(17, b -> b.segment("private")));
        fingerprints.add(withCustomer(17, b -> b.tenureMonths(5)));
        fingerprints.add(withCustomer(17, b -> b.preferredChannel("mobile")));
        fingerprints.add(withCustomer(17, b -> b.attribute("province", "other")));
        fingerprints.add(withCustomer(17, b -> b.attribute("extra", "x")));
        fingerprints.add(withCustomer(299, b -> b.holding("P0")));
        List<Product> products = products();
        products.set(2, Product.builder("P2").name("Product 2").termMonths(36).annualRatePercent(3.5)
                .description("Ünïcode text 2").build());
        fingerprints.add(fingerprint("d", customers(), products, interactions()));
        products = products();
        products.set(1, Product.builder("P1").name("Product 1").termMonths(24).description("changed").build());
        fingerprints.add(fingerprint("d", customers(), products, interactions()));
        List<Interaction> interactions = interactions();
        Interaction last = interactions.get(1999);
        interactions.set(1999, new Interaction(last.customerId(), last.productId(), last.kind(), last.timestamp(),
                last.channel(), 2.0));
        fingerprints.add(fingerprint("d", customers(), products(), interactions));
        interactions = interactions();
        interactions.remove(1000);
        fingerprints.add(fingerprint("d", customers(), products(), interactions));
        assertEquals(13, fingerprints.size(), "every change gives another fingerprint");
    }

    @Test
    void attributeNamesAreHashedInOrderNotAsInserted() {
        List<Customer> reversed = new ArrayList<>();
        for (Customer customer : customers()) {
            Customer.Builder builder = Customer.builder(customer.id()).age(customer.age().getAsInt())
                    .annualIncome(customer.annualIncome().getAsDouble()).segment(customer.segment().get())
                    .riskTolerance(customer.riskTolerance().getAsInt()).holdings(customer.holdings());
            builder.attribute("employment", customer.attributes().get("employment"));
            builder.attribute("province", customer.attributes().get("province"));
            reversed.add(builder.build());
        }
        assertEquals(base(), fingerprint("d", reversed, products(), interactions()));
        assertNotEquals(base(), fingerprint("d", customers().subList(0, 299), products(), interactions().stream()
                .filter(i -> !i.customerId().equals("C299")).toList()));
    }
}
