package org.finrec.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RankingTest {

    @ParameterizedTest
    @ValueSource(doubles = {3.0, 0.25, 1e-9, -1e-9, -0.25, -3.0})
    void demotionLowersEveryNonZeroScoreWhateverItsSign(double score) {
        assertTrue(Ranking.demote(score, 0.5) < score, () -> "demoted " + score + " to " + Ranking.demote(score, 0.5));
    }

    @Test
    void demotionScalesPositiveScoresAndDividesNegativeOnes() {
        assertEquals(0.4, Ranking.demote(0.8, 0.5));
        assertEquals(-1.6, Ranking.demote(-0.8, 0.5));
    }

    @Test
    void aStrongerDemotionLowersAScoreFurther() {
        assertTrue(Ranking.demote(0.8, 0.1) < Ranking.demote(0.8, 0.9));
        assertTrue(Ranking.demote(-0.8, 0.1) < Ranking.demote(-0.8, 0.9));
    }

    @Test
    void factorOneAndNonFiniteScoresAreLeftAlone() {
        assertEquals(-0.8, Ranking.demote(-0.8, 1.0));
        assertEquals(0.0, Ranking.demote(0.0, 0.5));
        assertTrue(Double.isNaN(Ranking.demote(Double.NaN, 0.5)));
    }
}
