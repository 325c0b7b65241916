package org.finrec.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.finrec.api.recommend.Reason;
import org.finrec.api.spi.SuitabilityDecision.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuitabilityDecisionTest {

    private static final Reason WHY = Reason.of("BANK_RULE", "Because the bank says so.");

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 0.999, 1.5, Double.NaN})
    void allowNeedsFactorOne(double factor) {
        assertThrows(IllegalArgumentException.class, () -> new SuitabilityDecision(Verdict.ALLOW, factor, List.of()));
    }

    @Test
    void allowNeedsNoReason() {
        SuitabilityDecision decision = new SuitabilityDecision(Verdict.ALLOW, 1.0, List.of());
        assertEquals(Verdict.ALLOW, decision.verdict());
        assertTrue(decision.reasons().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.5, 1.5, Double.NaN})
    void demoteNeedsFactorStrictlyBetweenZeroAndOne(double factor) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuitabilityDecision.demote(factor, WHY));
        assertTrue(e.getMessage().contains("DEMOTE"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.MIN_VALUE, 0.5, 0.999999})
    void demoteAcceptsFactorsInsideTheOpenInterval(double factor) {
        assertEquals(factor, SuitabilityDecision.demote(factor, WHY).scoreFactor());
    }

    @Test
    void demoteNeedsAReason() {
        assertThrows(IllegalArgumentException.class, () -> new SuitabilityDecision(Verdict.DEMOTE, 0.5, List.of()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, -0.0001, Double.NaN})
    void blockNeedsFactorZero(double factor) {
        assertThrows(IllegalArgumentException.class,
                () -> new SuitabilityDecision(Verdict.BLOCK, factor, List.of(WHY)));
    }

    @Test
    void blockNeedsAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SuitabilityDecision(Verdict.BLOCK, 0.0, List.of()));
        assertTrue(e.getMessage().contains("BLOCK"), e.getMessage());
    }

    @Test
    void factoriesBuildValidDecisions() {
        assertSame(SuitabilityDecision.allow(), SuitabilityDecision.allow());
        assertEquals(1.0, SuitabilityDecision.allow().scoreFactor());
        assertEquals(List.of(WHY), SuitabilityDecision.allow(WHY).reasons());

        SuitabilityDecision blocked = SuitabilityDecision.block(WHY);
        assertEquals(Verdict.BLOCK, blocked.verdict());
        assertEquals(0.0, blocked.scoreFactor());
        assertEquals(List.of(WHY), blocked.reasons());
    }

    @Test
    void nullVerdictIsRejected() {
        assertThrows(NullPointerException.class, () -> new SuitabilityDecision(null, 1.0, List.of()));
    }
}
