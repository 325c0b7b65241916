package org.finrec.samplehost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.junit.jupiter.api.Test;

class DemoBankTest {

    @Test
    void theSameSeedGivesTheSameBank() {
        DemoBank first = DemoBank.generate(500, 7);
        DemoBank second = DemoBank.generate(500, 7);

        assertEquals(first.customers(), second.customers());
        assertEquals(first.interactionCount(), second.interactionCount());
        assertNotEquals(first.customers(), DemoBank.generate(500, 8).customers());
    }

    @Test
    void holdingsRespectAgeEligibilityAndRiskTolerance() {
        DemoBank bank = DemoBank.generate(2_000, 42);
        for (Customer customer : bank.customers()) {
            for (String held : customer.holdings()) {
                Product product = bank.catalog().product(held).orElseThrow();
                assertTrue(product.eligibleAges().contains(customer.age().getAsInt()), customer + " " + held);
                assertTrue(product.riskClass() <= customer.riskTolerance().orElse(Product.MAX_RISK_CLASS),
                        customer + " " + held);
            }
        }
    }

    @Test
    void segmentsDifferInWhatTheyHold() {
        DemoBank bank = DemoBank.generate(5_000, 42);
        Map<String, int[]> mortgagesBySegment = new TreeMap<>();
        for (Customer customer : bank.customers()) {
            int[] counts = mortgagesBySegment.computeIfAbsent(customer.segment().orElseThrow(), s -> new int[2]);
            counts[0]++;
            counts[1] += customer.holds("mortgage") ? 1 : 0;
        }
        double families = rate(mortgagesBySegment.get("family"));
        double students = rate(mortgagesBySegment.get("student"));
        assertTrue(families > 0.3, "families hold mortgages: " + families);
        assertTrue(students < 0.02, "students rarely do: " + students);
    }

    private static double rate(int[] counts) {
        return (double) counts[1] / counts[0];
    }
}
