package org.finrec.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.config.InvalidConfigurationException;
import org.finrec.api.recommend.ReasonCodes;
import org.finrec.api.recommend.RequestContext;
import org.finrec.api.spi.SuitabilityDecision;
import org.finrec.api.spi.SuitabilityDecision.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RiskAndAgeSuitabilityPolicyTest {

    private final RiskAndAgeSuitabilityPolicy defaultPolicy =
            new RiskAndAgeSuitabilityPolicy(
                    Map.of());

    private static RiskAndAgeSuitabilityPolicy policyWithUnassessedCeiling(int maxRiskClass) {
        return new RiskAndAgeSuitabilityPolicy(
                Map.of("unassessed.max.risk.class", maxRiskClass));
    }

    private static Product product(int riskClass) {
        return Product.builder("prod-r" + riskClass).name("Product R" + riskClass).riskClass(riskClass).build();
    }

    private static Product ageRestricted(int minAge, int maxAge) {
        return Product.builder("youth").name("Youth account").riskClass(1).eligibleAges(minAge, maxAge).build();
    }

    private static Customer assessed(int tolerance) {
        return Customer.builder("c").age(40).riskTolerance(tolerance).build();
    }

    private static void assertBlocked(SuitabilityDecision decision, String code) {
        assertEquals(Verdict.BLOCK, decision.verdict(), decision::toString);
        assertEquals(0.0, decision.scoreFactor());
        assertEquals(1, decision.reasons().size());
        assertEquals(code, decision.reasons().get(0).code());
    }

    private static void assertSuitable(SuitabilityDecision decision) {
        assertEquals(Verdict.ALLOW, decision.verdict(), decision::toString);
        assertEquals(1.0, decision.scoreFactor());
        assertEquals(1, decision.reasons().size());
        assertEquals(ReasonCodes.SUITABLE, decision.reasons().get(0).code());
    }

    private SuitabilityDecision assess(RiskAndAgeSuitabilityPolicy policy, Customer customer, Product product) {
        return policy.assess(customer, product, RequestContext.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 7})
    void riskClassAboveToleranceIsBlocked(int riskClass) {
        assertBlocked(assess(defaultPolicy, assessed(3), product(riskClass)), ReasonCodes.RISK_ABOVE_TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void riskClassUpToToleranceIsSuitable(int riskClass) {
        assertSuitable(assess(defaultPolicy, assessed(3), product(riskClass)));
    }

    @Test
    void unassessedCustomerGetsOnlyRiskClassOneByDefault() {
        Customer unassessed = Customer.builder("c").age(40).build();

        assertSuitable(assess(defaultPolicy, unassessed, product(1)));
        assertBlocked(assess(defaultPolicy, unassessed, product(2)), ReasonCodes.RISK_TOLERANCE_UNKNOWN);
    }

    @Test
    void unassessedCustomerGetsUpToTheConfiguredCeiling() {
        RiskAndAgeSuitabilityPolicy policy = policyWithUnassessedCeiling(3);
        Customer unassessed = Customer.builder("c").age(40).build();

        assertSuitable(assess(policy, unassessed, product(3)));
        assertBlocked(assess(policy, unassessed, product(4)), ReasonCodes.RISK_TOLERANCE_UNKNOWN);
    }

    @Test
    void assessedCustomerIsJudgedByToleranceNotByTheUnassessedCeiling() {
        RiskAndAgeSuitabilityPolicy policy = policyWithUnassessedCeiling(5);

        assertBlocked(assess(policy, assessed(2), product(3)), ReasonCodes.RISK_ABOVE_TOLERANCE);
        assertSuitable(assess(defaultPolicy, assessed(6), product(6)));
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 26, 0, 130})
    void ageOutsideTheEligibleAgesIsBlocked(int age) {
        Customer customer = Customer.builder("c").age(age).riskTolerance(7).build();
        SuitabilityDecision decision = assess(defaultPolicy, customer, ageRestricted(18, 25));

        assertBlocked(decision, ReasonCodes.AGE_NOT_ELIGIBLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {18, 21, 25})
    void ageInsideTheEligibleAgesIsSuitable(int age) {
        Customer customer = Customer.builder("c").age(age).riskTolerance(7).build();
        assertSuitable(assess(defaultPolicy, customer, ageRestricted(18, 25)));
    }

    @Test
    void unknownAgeBlocksAnAgeRestrictedProduct() {
        Customer ageless = Customer.builder("c").riskTolerance(7).build();

        assertBlocked(assess(defaultPolicy, ageless, ageRestricted(18, 25)), ReasonCodes.AGE_UNKNOWN);
        assertBlocked(assess(defaultPolicy, ageless, ageRestricted(0, 17)), ReasonCodes.AGE_UNKNOWN);
    }

    @Test
    void unknownAgeIsFineForAnUnrestrictedProduct() {
        Customer ageless = Customer.builder("c").riskTolerance(7).build();
        assertSuitable(assess(defaultPolicy, ageless, product(4)));
    }

    @Test
    void blockingReasonMessageNamesTheProduct() {
        SuitabilityDecision decision = assess(defaultPolicy, assessed(2), product(6));
        String message = decision.reasons().get(0).message();
        org.junit.jupiter.api.Assertions.assertTrue(message.contains("Product R6"), message);
    }

    private static Product withoutRiskClass() {
        return Product.builder("unrated").name("Unrated fund").build();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 7})
    void aProductWithoutRiskClassIsBlockedForEveryAssessedCustomer(int tolerance) {
        assertBlocked(assess(defaultPolicy, assessed(tolerance), withoutRiskClass()), ReasonCodes.RISK_CLASS_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void aProductWithoutRiskClassIsBlockedForUnassessedCustomersWhateverTheCeiling(int ceiling) {
        Customer unassessed = Customer.builder("c").age(40).build();

        SuitabilityDecision decision = assess(policyWithUnassessedCeiling(ceiling), unassessed, withoutRiskClass());

        assertBlocked(decision, ReasonCodes.RISK_CLASS_UNKNOWN);
        org.junit.jupiter.api.Assertions.assertTrue(decision.reasons().get(0).message().contains("Unrated fund"));
    }

    @Test
    void aCeilingOfZeroOffersNothingWithoutAnAssessment() {
        Customer unassessed = Customer.builder("c").age(40).build();

        assertBlocked(assess(policyWithUnassessedCeiling(0), unassessed, product(1)), ReasonCodes.RISK_TOLERANCE_UNKNOWN);
    }

    @Test
    void aBadCeilingIsRefusedAtActivationAndAChangeToOneKeepsThePreviousCeiling() {
        assertThrows(InvalidConfigurationException.class,
                () -> new RiskAndAgeSuitabilityPolicy(Map.of("unassessed.max.risk.class", "high")));
        RiskAndAgeSuitabilityPolicy policy = policyWithUnassessedCeiling(3);
        Customer unassessed = Customer.builder("u").age(40).build();

        policy.modified(Map.of("unassessed.max.risk.class", 9));

        assertFalse(policy.assess(unassessed, product(3), RequestContext.EMPTY).verdict() == Verdict.BLOCK, "ceiling 3 still applies");
        assertTrue(policy.assess(unassessed, product(4), RequestContext.EMPTY).verdict() == Verdict.BLOCK, "ceiling 3 still applies");
        policy.modified(Map.of("unassessed.max.risk.class", "4"));
        assertFalse(policy.assess(unassessed, product(4), RequestContext.EMPTY).verdict() == Verdict.BLOCK, "a good change applies");
    }
}
