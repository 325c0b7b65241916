package org.finrec.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {

    private static final String ID = "c-17";

    private static IllegalArgumentException rejected(UnaryOperator<Customer.Builder> change) {
        return assertThrows(IllegalArgumentException.class, () -> change.apply(Customer.builder(ID)).build());
    }

    private static void assertNamesCustomer(IllegalArgumentException e) {
        assertTrue(e.getMessage().contains("customer " + ID), () -> "message should name the customer: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankIdIsRejected(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Customer.builder(id).build());
        assertTrue(e.getMessage().contains("id"), e.getMessage());
    }

    @Test
    void nullIdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Customer.builder(null).build());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, AgeRange.MAX_AGE + 1, Integer.MIN_VALUE})
    void ageOutsideZeroTo130IsRejectedNamingTheCustomer(int age) {
        IllegalArgumentException e = rejected(b -> b.age(age));
        assertNamesCustomer(e);
        assertTrue(e.getMessage().contains(Integer.toString(age)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 34, AgeRange.MAX_AGE})
    void agesAtTheBoundsAreAccepted(int age) {
        assertEquals(age, Customer.builder(ID).age(age).build().age().getAsInt());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, -3})
    void riskToleranceOutsideOneToSevenIsRejectedNamingTheCustomer(int level) {
        IllegalArgumentException e = rejected(b -> b.riskTolerance(level));
        assertNamesCustomer(e);
        assertTrue(e.getMessage().contains("riskTolerance"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void riskToleranceAtTheBoundsIsAccepted(int level) {
        assertEquals(level, Customer.builder(ID).riskTolerance(level).build().riskTolerance().getAsInt());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, -1e9, Double.NaN, Double.NEGATIVE_INFINITY})
    void negativeOrNanIncomeIsRejectedNamingTheCustomer(double income) {
        IllegalArgumentException e = rejected(b -> b.annualIncome(income));
        assertNamesCustomer(e);
        assertTrue(e.getMessage().contains("annualIncome"), e.getMessage());
    }

    @Test
    void zeroIncomeIsAccepted() {
        assertEquals(0.0, Customer.builder(ID).annualIncome(0).build().annualIncome().getAsDouble());
    }

    @Test
    void negativeTenureIsRejectedNamingTheCustomer() {
        assertNamesCustomer(rejected(b -> b.tenureMonths(-1)));
    }

    @Test
    void typedAttributesResolveByName() {
        Customer customer = Customer.builder(ID).segment("retail").preferredChannel("mobile").age(34)
                .riskTolerance(4).build();

        assertEquals(Optional.of("retail"), customer.attribute(Customer.SEGMENT));
        assertEquals(Optional.of("mobile"), customer.attribute(Customer.PREFERRED_CHANNEL));
        assertEquals(Optional.of("30-39"), customer.attribute(Customer.AGE_BAND));
        assertEquals(Optional.of("4"), customer.attribute(Customer.RISK_TOLERANCE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 10, 19, 30, 39, 99, 130})
    void ageBandIsTheDecadeOfTheAge(int age) {
        int decade = age / 10 * 10;
        assertEquals(Optional.of(decade + "-" + (decade + 9)),
                Customer.builder(ID).age(age).build().attribute(Customer.AGE_BAND));
    }

    @Test
    void typedAttributesAreEmptyWhenUnknown() {
        Customer customer = Customer.builder(ID).build();

        assertEquals(Optional.empty(), customer.attribute(Customer.SEGMENT));
        assertEquals(Optional.empty(), customer.attribute(Customer.PREFERRED_CHANNEL));
        assertEquals(Optional.empty(), customer.attribute(Customer.AGE_BAND));
        assertEquals(Optional.empty(), customer.attribute(Customer.RISK_TOLERANCE));
    }

    @Test
    void otherNamesResolveToTheOpenAttributes() {
        Customer customer = Customer.builder(ID).attribute("province", "Madrid").build();

        assertEquals(Optional.of("Madrid"), customer.attribute("province"));
        assertEquals(Optional.empty(), customer.attribute("employment"));
    }

    @Test
    void typedNamesTakePrecedenceOverOpenAttributesOfTheSameName() {
        Customer customer = Customer.builder(ID).segment("private").attribute(Customer.SEGMENT, "ignored").build();

        assertEquals(Optional.of("private"), customer.attribute(Customer.SEGMENT));
    }

    @Test
    void holdingsAndAttributesAreDefensivelyCopied() {
        Set<String> holdings = new HashSet<>(Set.of("p1"));
        Map<String, String> attributes = new HashMap<>(Map.of("province", "Madrid"));
        Customer customer = Customer.builder(ID).holdings(holdings).build();
        Customer direct = new Customer(ID, customer.age(), customer.annualIncome(), customer.segment(),
                customer.riskTolerance(), customer.tenureMonths(), customer.preferredChannel(), holdings, attributes);

        holdings.add("p2");
        attributes.put("province", "Sevilla");

        assertFalse(customer.holds("p2"));
        assertFalse(direct.holds("p2"));
        assertEquals(Optional.of("Madrid"), direct.attribute("province"));
        assertThrows(UnsupportedOperationException.class, () -> direct.holdings().add("p3"));
    }

    @Test
    void toBuilderDerivesAnEqualCopy() {
        Customer customer = Customer.builder(ID).age(51).segment("private").riskTolerance(6).tenureMonths(120)
                .annualIncome(85_000).preferredChannel("branch").holding("p1", "p2").attribute("province", "Lugo")
                .build();

        assertEquals(customer, customer.toBuilder().build());
        assertEquals(Optional.of("3"), customer.toBuilder().riskTolerance(3).build().attribute(Customer.RISK_TOLERANCE));
    }
}
