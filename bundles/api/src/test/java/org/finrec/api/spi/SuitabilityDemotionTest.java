package org.finrec.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.ReasonCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a suitability decision changes a served score and its explanation. */
class SuitabilityDemotionTest {

    private static final Reason EXPENSIVE = Reason.of(ReasonCodes.DEMOTED, "The product is expensive.");

    private static double demote(double score, double factor) {
        return SuitabilityDecision.demote(factor, EXPENSIVE).applyTo(score);
    }

    @ParameterizedTest
    @ValueSource(doubles = {3.0, 0.25, 1e-9, -1e-9, -0.25, -3.0})
    void demotionLowersEveryNonZeroScoreWhateverItsSign(double score) {
        assertTrue(demote(score, 0.5) < score, () -> "demoted " + score + " to " + demote(score, 0.5));
    }

    @Test
    void demotionScalesPositiveScoresAndDividesNegativeOnes() {
        assertEquals(0.4, demote(0.8, 0.5));
        assertEquals(-1.6, demote(-0.8, 0.5));
    }

    @Test
    void aStrongerDemotionLowersAScoreFurther() {
        assertTrue(demote(0.8, 0.1) < demote(0.8, 0.9));
        assertTrue(demote(-0.8, 0.1) < demote(-0.8, 0.9));
    }

    @Test
    void allowedAndNonFiniteScoresAreLeftAlone() {
        assertEquals(-0.8, SuitabilityDecision.allow().applyTo(-0.8));
        assertEquals(0.0, demote(0.0, 0.5));
        assertTrue(Double.isNaN(demote(Double.NaN, 0.5)));
    }

    @Test
    void aBlockedProductIsNeverServed() {
        SuitabilityDecision block = SuitabilityDecision.block(Reason.of(ReasonCodes.RISK_ABOVE_TOLERANCE, "Too risky."));
        assertThrows(IllegalStateException.class, () -> block.applyTo(0.5));
    }

    @Test
    void theDemotionReasonCarriesWhatItTookAwaySoThatReasonsAddUpToTheServedScore() {
        Explanation model = new Explanation("p2", 0.9, List.of(new Reason("MODEL", "Popular.", 0.6),
                new Reason("MODEL", "Similar customers.", 0.3)));
        Explanation served = SuitabilityDecision.demote(0.5, EXPENSIVE).applyTo(model);
        assertEquals(0.45, served.score(), 1e-12);
        assertEquals(0.45, served.totalContribution(), 1e-12);
        assertEquals(3, served.reasons().size());
        assertEquals(new Reason(ReasonCodes.DEMOTED, "The product is expensive.", -0.45), served.reasons().get(2));

        Reason suitable = Reason.of(ReasonCodes.SUITABLE, "Within the customer's risk tolerance.");
        Explanation twice = SuitabilityDecision.allow(suitable)
                .applyTo(SuitabilityDecision.demote(0.5, EXPENSIVE).applyTo(served));
        assertEquals(0.225, twice.score(), 1e-12);
        assertEquals(0.225, twice.totalContribution(), 1e-12);
        assertEquals(suitable, twice.reasons().get(4));
    }

    @Test
    void aNegativeScoreDemotedFallsAndItsReasonsStillAddUp() {
        Explanation model = new Explanation("p1", -1.0, List.of(new Reason("MODEL", "Log odds.", -1.0)));
        Explanation served = SuitabilityDecision.demote(0.5, EXPENSIVE).applyTo(model);
        assertEquals(-2.0, served.score(), 1e-12);
        assertEquals(-2.0, served.totalContribution(), 1e-12);
    }
}
