package org.finrec.recommender.popularity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.ProgressListener;
import org.finrec.api.model.ModelVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PopularityTrainerTest {

    private static final Set<InteractionKind> DEFAULT_KINDS = EnumSet.of(InteractionKind.PURCHASE, InteractionKind.HOLD);

    private static PopularityModel train(Dataset dataset, String segmentAttribute, Set<InteractionKind> kinds) {
        return new PopularityTrainer(segmentAttribute, 50, kinds).train(dataset, ProgressListener.NONE);
    }

    private static PopularityModel train(Dataset dataset) {
        return train(dataset, "segment", DEFAULT_KINDS);
    }

    private static int[] overallAdopters(PopularityModel model) {
        int[] counts = new int[TestBank.PRODUCT_IDS.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = model.adopters(model.productIndex(TestBank.PRODUCT_IDS[i]));
        }
        return counts;
    }

    private static int[] segmentAdopters(PopularityModel model, String segment) {
        PopularityModel.SegmentCounts counts = model.segment(segment);
        int[] result = new int[TestBank.PRODUCT_IDS.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = counts.adopters()[model.productIndex(TestBank.PRODUCT_IDS[i])];
        }
        return result;
    }

    @Test
    void countsEachAdopterOnceFromHoldingsAndOwnershipInteractions() {
        PopularityModel model = train(TestBank.dataset());

        assertEquals(TestBank.CUSTOMERS, model.customerCount());
        assertArrayEquals(TestBank.OVERALL, overallAdopters(model));
    }

    @Test
    void overallRateIsAdoptersOverAllCustomers() {
        PopularityModel model = train(TestBank.dataset());

        for (int i = 0; i < TestBank.PRODUCT_IDS.length; i++) {
            assertEquals((double) TestBank.OVERALL[i] / TestBank.CUSTOMERS,
                    model.overallRate(model.productIndex(TestBank.PRODUCT_IDS[i])), 1e-15);
        }
    }

    @Test
    void countsAdoptersPerSegment() {
        PopularityModel model = train(TestBank.dataset());

        assertEquals(TestBank.RETAIL_CUSTOMERS, model.segment("retail").customers());
        assertArrayEquals(TestBank.RETAIL, segmentAdopters(model, "retail"));
        assertEquals(TestBank.PRIVATE_CUSTOMERS, model.segment("private").customers());
        assertArrayEquals(TestBank.PRIVATE, segmentAdopters(model, "private"));
        assertNull(model.segment("student"));
        assertNull(model.segment(null));
    }

    @Test
    void segmentsCanBeDerivedAttributesSuchAsTheAgeBand() {
        PopularityModel model = train(TestBank.dataset(), Customer.AGE_BAND, DEFAULT_KINDS);

        // c2 (34) and c3 (38): c2 holds A and B, c3 purchased B
        assertEquals(2, model.segment("30-39").customers());
        assertArrayEquals(new int[] {1, 2, 0, 0}, segmentAdopters(model, "30-39"));
        assertEquals(1, model.segment("60-69").customers());
        assertNull(model.segment("retail"));
    }

    @Test
    void viewsAndOtherNonOwnershipEventsDoNotCountByDefault() {
        PopularityModel model = train(TestBank.dataset());

        // c3 viewed C and c5 viewed A, clicked B, applied for C: none of these adds an adopter
        assertEquals(1, model.adopters(model.productIndex("C")));
        assertEquals(3, model.adopters(model.productIndex("A")));
    }

    @Test
    void configuredPositiveKindsAreCounted() {
        PopularityModel model = train(TestBank.dataset(), "segment",
                EnumSet.of(InteractionKind.PURCHASE, InteractionKind.HOLD, InteractionKind.VIEW));

        // VIEW adds c3 to C and c5 to A
        assertArrayEquals(new int[] {4, 3, 2, 0}, overallAdopters(model));
    }

    @Test
    void withNoPositiveKindsOnlyHoldingsCount() {
        PopularityModel model = train(TestBank.dataset(), "segment", Set.of());

        // holdings only: A by c1 c2, B by c2 c5, C by c4
        assertArrayEquals(new int[] {2, 2, 1, 0}, overallAdopters(model));
    }

    @Test
    void rejectsADatasetWithoutProducts() {
        Dataset noProducts = Dataset.of("empty-shelf", List.of(Customer.builder("c1").build()), List.of(), List.of());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(noProducts));
        assertTrue(e.getMessage().contains("empty-shelf"), e.getMessage());
    }

    @Test
    void acceptsADatasetWithoutCustomers() {
        PopularityModel model = train(Dataset.of("new-bank", List.of(), TestBank.products(), List.of()));

        assertEquals(0, model.customerCount());
        assertEquals(0.0, model.overallRate(model.productIndex("A")));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsInvalidSmoothing(double smoothing) {
        assertThrows(IllegalArgumentException.class, () -> new PopularityTrainer("segment", smoothing, DEFAULT_KINDS));
    }

    // --- model version ---

    @Test
    void versionIsStableForTheSameData() {
        assertEquals(train(TestBank.dataset()).version(), train(TestBank.dataset()).version());
    }

    @Test
    void versionIsTheContentHashWhateverTheDatasetIsCalled() {
        String version = train(TestBank.dataset()).version();
        assertTrue(ModelVersion.isVersion(version), version);
        assertEquals(version, train(Dataset.of("renamed", TestBank.customers(), TestBank.products(),
                TestBank.interactions())).version());
    }

    @Test
    void versionChangesWhenTheSegmentAttributeChanges() {
        assertNotEquals(train(TestBank.dataset()).version(),
                train(TestBank.dataset(), Customer.AGE_BAND, DEFAULT_KINDS).version());
    }

    @Test
    void versionChangesWhenTheSmoothingChanges() {
        Dataset dataset = TestBank.dataset();
        assertNotEquals(new PopularityTrainer("segment", 50, DEFAULT_KINDS).train(dataset, ProgressListener.NONE)
                .version(), new PopularityTrainer("segment", 10, DEFAULT_KINDS).train(dataset, ProgressListener.NONE)
                .version());
    }

    @Test
    void versionChangesWhenAnAdoptionIsAdded() {
        List<Customer> customers = new ArrayList<>(TestBank.customers());
        customers.set(5, customers.get(5).toBuilder().holding("D").build());
        Dataset changed = Dataset.of("test-bank", customers, TestBank.products(), TestBank.interactions());

        assertNotEquals(train(TestBank.dataset()).version(), train(changed).version());
    }

    @Test
    void versionChangesWhenACustomerWithoutAdoptionsIsAdded() {
        // every overall rate changes (n goes from 6 to 7) although no adopter count does
        List<Customer> customers = new ArrayList<>(TestBank.customers());
        customers.add(Customer.builder("c7").segment("retail").build());
        Dataset changed = Dataset.of("test-bank", customers, TestBank.products(), TestBank.interactions());

        assertNotEquals(train(TestBank.dataset()).version(), train(changed).version());
    }

    @Test
    void versionChangesWhenACustomerMovesToAnotherSegment() {
        // c1 moves from retail to private: segment scores change, overall counts do not
        List<Customer> customers = new ArrayList<>(TestBank.customers());
        customers.set(0, customers.get(0).toBuilder().segment("private").build());
        Dataset changed = Dataset.of("test-bank", customers, TestBank.products(), TestBank.interactions());

        assertNotEquals(train(TestBank.dataset()).version(), train(changed).version());
    }

    @Test
    void versionChangesWhenAnAdopterCountChangesByAMultipleOf256() {
        Product product = Product.builder("A").build();
        List<Customer> oneAdopter = new ArrayList<>();
        List<Customer> manyAdopters = new ArrayList<>();
        for (int c = 0; c < 257; c++) {
            Customer customer = Customer.builder("c" + c).build();
            oneAdopter.add(c == 0 ? customer.toBuilder().holding("A").build() : customer);
            manyAdopters.add(customer.toBuilder().holding("A").build());
        }
        PopularityModel one = train(Dataset.of("bank", oneAdopter, List.of(product), List.of()));
        PopularityModel many = train(Dataset.of("bank", manyAdopters, List.of(product), List.of()));

        assertEquals(1, one.adopters(0));
        assertEquals(257, many.adopters(0));
        assertNotEquals(one.version(), many.version());
    }
}
