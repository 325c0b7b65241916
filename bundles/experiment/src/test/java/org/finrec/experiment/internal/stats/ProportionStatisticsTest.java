package org.finrec.experiment.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.finrec.api.experiment.Comparison;
import org.finrec.api.experiment.Proportion;
import org.junit.jupiter.api.Test;

class ProportionStatisticsTest {

    private static final double TAU2 = 1e-4;

    @Test
    void wilsonMatchesNewcombesPublishedIntervals() {
        // Newcombe (1998), Statistics in Medicine 17:857-872, table I; also Wikipedia's example 81/263
        Proportion p = ProportionStatistics.wilson(81, 263);
        assertEquals(81.0 / 263, p.estimate(), 1e-15);
        assertEquals(0.2553, p.lower95(), 5e-5);
        assertEquals(0.3662, p.upper95(), 5e-5);

        Proportion none = ProportionStatistics.wilson(0, 10);
        assertEquals(0.0, none.estimate());
        assertEquals(0.0, none.lower95());
        assertEquals(0.2775, none.upper95(), 5e-5);

        Proportion all = ProportionStatistics.wilson(10, 10);
        assertEquals(1.0, all.estimate());
        assertEquals(0.7225, all.lower95(), 5e-5);
        assertEquals(1.0, all.upper95());

        Proportion one = ProportionStatistics.wilson(1, 10);
        assertEquals(0.0179, one.lower95(), 5e-5);
        assertEquals(0.4042, one.upper95(), 1e-4);
    }

    @Test
    void wilsonWithoutTrialsIsTheWholeRange() {
        Proportion p = ProportionStatistics.wilson(0, 0);
        assertEquals(new Proportion(0, 0, 0.0, 0.0, 1.0), p);
    }

    @Test
    void wilsonRejectsInconsistentCounts() {
        assertThrows(IllegalArgumentException.class, () -> ProportionStatistics.wilson(3, 2));
        assertThrows(IllegalArgumentException.class, () -> ProportionStatistics.wilson(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> ProportionStatistics.wilson(0, -1));
    }

    @Test
    void wilsonHoldsTheEstimateForLargeAndExtremeCounts() {
        long[][] cases = {{1, 1_000_000_000L}, {999_999_999L, 1_000_000_000L}, {0, 1}, {1, 1}, {5, 7}};
        for (long[] c : cases) {
            Proportion p = ProportionStatistics.wilson(c[0], c[1]);
            assertTrue(0.0 <= p.lower95() && p.lower95() <= p.estimate() && p.estimate() <= p.upper95()
                    && p.upper95() <= 1.0, p::toString);
        }
    }

    @Test
    void normalTailComesFromErfc() {
        assertEquals(0.5, ProportionStatistics.normalCdf(0.0), 1e-15);
        assertEquals(0.975, ProportionStatistics.normalCdf(ProportionStatistics.Z95), 1e-12);
        assertEquals(0.05, ProportionStatistics.twoSidedNormalPValue(-ProportionStatistics.Z95), 1e-12);
        assertEquals(1.0, ProportionStatistics.twoSidedNormalPValue(Double.NaN));
        // far tail stays positive and accurate: 2 * (1 - Phi(10)) = 1.5239706e-23
        assertEquals(1.5239706e-23, ProportionStatistics.twoSidedNormalPValue(10.0), 1e-29);
    }

    @Test
    void comparisonMatchesAHandComputedExample() {
        // 120/1000 against 100/1000: pooled rate 0.11, SE = sqrt(0.11 * 0.89 * 2/1000) = 0.0139929,
        // z = 0.02 / 0.0139929 = 1.429301, p = 2 (1 - Phi(1.429301)) = 0.152918;
        // unpooled V = 0.12*0.88/1000 + 0.1*0.9/1000 = 1.956e-4, Wald 0.02 +- 1.96 sqrt(V) = [-0.007411, 0.047411];
        // with tau^2 = 1e-4: Lambda = sqrt(V/(V+tau^2)) exp(tau^2 0.02^2 / (2V(V+tau^2))) = 1.149627, p = 0.869848
        Comparison c = ProportionStatistics.compare(ProportionStatistics.wilson(120, 1000),
                ProportionStatistics.wilson(100, 1000), TAU2);
        assertEquals(0.02, c.difference(), 1e-15);
        assertEquals(-0.0074115, c.lower95(), 1e-6);
        assertEquals(0.0474115, c.upper95(), 1e-6);
        assertEquals(0.152918, c.pValue(), 1e-6);
        assertEquals(0.869848, c.alwaysValidPValue(), 1e-6);

        Comparison reversed = ProportionStatistics.compare(ProportionStatistics.wilson(100, 1000),
                ProportionStatistics.wilson(120, 1000), TAU2);
        assertEquals(-0.02, reversed.difference(), 1e-15);
        assertEquals(c.pValue(), reversed.pValue(), 1e-15);
        assertEquals(c.alwaysValidPValue(), reversed.alwaysValidPValue(), 1e-15);
    }

    @Test
    void degenerateComparisonsGiveOneAndNoNaN() {
        Proportion empty = ProportionStatistics.wilson(0, 0);
        Proportion some = ProportionStatistics.wilson(5, 100);
        for (Comparison c : new Comparison[] {
                ProportionStatistics.compare(empty, some, TAU2),
                ProportionStatistics.compare(some, empty, TAU2),
                ProportionStatistics.compare(empty, empty, TAU2)}) {
            assertEquals(1.0, c.pValue());
            assertEquals(1.0, c.alwaysValidPValue());
            assertEquals(-1.0, c.lower95());
            assertEquals(1.0, c.upper95());
            assertFalse(Double.isNaN(c.difference()));
        }
        // every rate 0: V = 0 and the pooled SE is 0
        Comparison zeros = ProportionStatistics.compare(ProportionStatistics.wilson(0, 500),
                ProportionStatistics.wilson(0, 700), TAU2);
        assertEquals(new Comparison(0.0, 0.0, 0.0, 1.0, 1.0), zeros);
        // 0% against 100%: V = 0, so no always-valid evidence, but the pooled test is decisive
        Comparison opposite = ProportionStatistics.compare(ProportionStatistics.wilson(50, 50),
                ProportionStatistics.wilson(0, 50), TAU2);
        assertEquals(1.0, opposite.difference());
        assertEquals(1.0, opposite.alwaysValidPValue());
        assertTrue(opposite.pValue() < 1e-10);
    }

    @Test
    void theMixingVarianceMustBePositiveAndFinite() {
        Proportion p = ProportionStatistics.wilson(5, 100);
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ProportionStatistics.compare(p, p, bad));
            assertTrue(e.getMessage().contains("mixing variance"), e::getMessage);
        }
        assertThrows(IllegalArgumentException.class, () -> ProportionStatistics.compare(p, p, TAU2, 1.5));
        assertThrows(IllegalArgumentException.class, () -> ProportionStatistics.compare(p, p, TAU2, Double.NaN));
    }

    @Test
    void alwaysValidPValueIsOneForEqualRates() {
        for (long n : new long[] {10, 1_000, 1_000_000}) {
            Comparison c = ProportionStatistics.compare(ProportionStatistics.wilson(n / 10, n),
                    ProportionStatistics.wilson(n / 10, n), TAU2);
            assertEquals(0.0, c.difference());
            assertEquals(1.0, c.alwaysValidPValue());
            assertEquals(1.0, c.pValue());
        }
        assertEquals(1.0, ProportionStatistics.mixtureSprtPValue(0.0, 1e-6, TAU2));
    }

    @Test
    void alwaysValidPValueFallsAsATrueDifferenceGathersData() {
        double previous = 1.0;
        for (long n : new long[] {1_000, 5_000, 20_000, 50_000, 100_000, 500_000}) {
            Comparison c = ProportionStatistics.compare(ProportionStatistics.wilson(n * 12 / 100, n),
                    ProportionStatistics.wilson(n * 10 / 100, n), TAU2);
            assertTrue(c.alwaysValidPValue() <= previous, () -> n + ": " + c);
            previous = c.alwaysValidPValue();
        }
        assertTrue(previous < 1e-6, "at 500,000 per arm: " + previous);
    }

    @Test
    void alwaysValidPValueIsNeverBelowTheFixedHorizonOneInTypicalCases() {
        long[][] cases = {{120, 1000, 100, 1000}, {1150, 10_000, 1000, 10_000}, {2300, 20_000, 2000, 20_000},
            {530, 5000, 500, 5000}, {60, 400, 40, 400}, {11_000, 100_000, 10_000, 100_000}};
        for (long[] k : cases) {
            Comparison c = ProportionStatistics.compare(ProportionStatistics.wilson(k[0], k[1]),
                    ProportionStatistics.wilson(k[2], k[3]), TAU2);
            assertTrue(c.alwaysValidPValue() >= c.pValue(), c::toString);
            assertTrue(c.lower95() < c.difference() && c.difference() < c.upper95(), c::toString);
        }
    }

    @Test
    void theOverloadKeepsTheRunningMinimum() {
        Proportion a = ProportionStatistics.wilson(1150, 10_000);
        Proportion b = ProportionStatistics.wilson(1000, 10_000);
        Comparison fresh = ProportionStatistics.compare(a, b, TAU2);
        assertEquals(fresh, ProportionStatistics.compare(a, b, TAU2, 1.0));
        Comparison carried = ProportionStatistics.compare(a, b, TAU2, 1e-9);
        assertEquals(1e-9, carried.alwaysValidPValue());
        assertEquals(fresh.pValue(), carried.pValue());
    }

    /**
     * Under no difference, an experiment watched at 50 looks stops at the first p-value below 0.05. With the
     * running minimum of the always-valid p-value that happens in at most about 5% of experiments; with the
     * fixed-horizon p-value ("peeking") far more often.
     */
    @Test
    void continuousMonitoringUnderTheNullKeepsTheAlwaysValidErrorRateButNotTheNaiveOne() {
        SplittableRandom random = new SplittableRandom(20_240_611L);
        int experiments = 400;
        int looks = 50;
        int usersPerLook = 200;
        double rate = 0.1;
        int alwaysValidStops = 0;
        int naiveStops = 0;
        for (int e = 0; e < experiments; e++) {
            long successesA = 0;
            long successesB = 0;
            long trials = 0;
            double runningMinimum = 1.0;
            boolean naiveStopped = false;
            for (int look = 0; look < looks; look++) {
                for (int u = 0; u < usersPerLook; u++) {
                    successesA += random.nextDouble() < rate ? 1 : 0;
                    successesB += random.nextDouble() < rate ? 1 : 0;
                }
                trials += usersPerLook;
                Comparison c = ProportionStatistics.compare(ProportionStatistics.wilson(successesA, trials),
                        ProportionStatistics.wilson(successesB, trials), TAU2, runningMinimum);
                runningMinimum = c.alwaysValidPValue();
                naiveStopped |= c.pValue() < 0.05;
            }
            alwaysValidStops += runningMinimum < 0.05 ? 1 : 0;
            naiveStops += naiveStopped ? 1 : 0;
        }
        double alwaysValidRate = alwaysValidStops / (double) experiments;
        double naiveRate = naiveStops / (double) experiments;
        assertTrue(alwaysValidRate <= 0.07, "always-valid false positives: " + alwaysValidRate);
        assertTrue(naiveRate > 0.1, "naive peeking false positives: " + naiveRate);
    }
}
