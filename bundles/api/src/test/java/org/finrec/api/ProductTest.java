package org.finrec.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {

    private static final String ID = "fund-eu-equity";

    private static IllegalArgumentException rejected(UnaryOperator<Product.Builder> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(Product.builder(ID)).build());
        assertTrue(e.getMessage().contains("product " + ID), () -> "message should name the product: " + e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, -1})
    void riskClassOutsideOneToSevenIsRejected(int riskClass) {
        IllegalArgumentException e = rejected(b -> b.riskClass(riskClass));
        assertTrue(e.getMessage().contains("riskClass"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {Product.MIN_RISK_CLASS, Product.MAX_RISK_CLASS})
    void riskClassAtTheBoundsIsAccepted(int riskClass) {
        assertEquals(OptionalInt.of(riskClass), Product.builder(ID).riskClass(riskClass).build().riskClass());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -12})
    void termBelowOneMonthIsRejected(int months) {
        IllegalArgumentException e = rejected(b -> b.termMonths(months));
        assertTrue(e.getMessage().contains("termMonths"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteRateIsRejected(double rate) {
        IllegalArgumentException e = rejected(b -> b.annualRatePercent(rate));
        assertTrue(e.getMessage().contains("annualRatePercent"), e.getMessage());
    }

    @Test
    void negativeRateIsAllowedForExampleForNegativeInterest() {
        assertEquals(-0.5, Product.builder(ID).annualRatePercent(-0.5).build().annualRatePercent().getAsDouble());
    }

    @Test
    void blankNameIsRejectedNamingTheProduct() {
        rejected(b -> b.name(" "));
    }

    @Test
    void blankIdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Product.builder("").build());
    }

    @Test
    void nullComponentsAreRejected() {
        assertThrows(NullPointerException.class, () -> Product.builder(ID).category(null).build());
        assertThrows(NullPointerException.class, () -> Product.builder(ID).complexity(null).build());
        assertThrows(NullPointerException.class, () -> Product.builder(ID).description(null).build());
    }

    @Test
    void builderDefaultsAreDocumentedOnes() {
        Product product = Product.builder(ID).build();

        assertEquals(ID, product.name());
        assertEquals(ProductCategory.OTHER, product.category());
        assertEquals(OptionalInt.empty(), product.riskClass(), "a risk class nobody set stays missing, never 1");
        assertEquals(OptionalInt.empty(), product.termMonths());
        assertEquals(OptionalDouble.empty(), product.annualRatePercent());
        assertEquals(ProductComplexity.SIMPLE, product.complexity());
        assertEquals(AgeRange.ANY, product.eligibleAges());
        assertEquals("", product.description());
    }

    @Test
    void eligibleAgesAreValidatedByTheBuilder() {
        assertThrows(IllegalArgumentException.class, () -> Product.builder(ID).eligibleAges(65, 18));
        assertEquals(new AgeRange(18, 30), Product.builder(ID).eligibleAges(18, 30).build().eligibleAges());
    }
}
