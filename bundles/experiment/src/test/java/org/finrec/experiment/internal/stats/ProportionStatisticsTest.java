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
        assertThrows(IllegalArgumentException.class, () -> new ClusterSums(3, 2, 0, 2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClusterSums(2, 4, 5, 8, 5, 5));
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

    /** Every impression a customer of its own: the delta method gives the Wald variance with K − 1 for K. */
    private static ClusterSums trials(long successes, long trials) {
        return ClusterSums.ofSingleVisits(successes, trials);
    }

    @Test
    void comparisonOfSingleVisitsMatchesAHandComputedExample() {
        // 120/1000 against 100/1000, each impression its own customer: Var(R) = R(1-R)/(K-1), so
        // V = 0.12*0.88/999 + 0.1*0.9/999 = 1.957958e-4, Wald 0.02 +- 1.96 sqrt(V) = [-0.007425, 0.047425],
        // z = 0.02 / sqrt(V) = 1.429301 * sqrt(999/1000), p = 0.152913;
        // with tau^2 = 1e-4: Lambda = sqrt(V/(V+tau^2)) exp(tau^2 0.02^2 / (2V(V+tau^2))), p = 0.870200
        Comparison c = ProportionStatistics.compare(trials(120, 1000), trials(100, 1000), TAU2);
        assertEquals(0.02, c.difference(), 1e-15);
        assertEquals(-0.0074252, c.lower95(), 1e-6);
        assertEquals(0.0474252, c.upper95(), 1e-6);
        assertEquals(0.152913, c.pValue(), 1e-6);
        assertEquals(0.870200, c.alwaysValidPValue(), 1e-6);

        Comparison reversed = ProportionStatistics.compare(trials(100, 1000), trials(120, 1000), TAU2);
        assertEquals(-0.02, reversed.difference(), 1e-15);
        assertEquals(c.pValue(), reversed.pValue(), 1e-15);
        assertEquals(c.alwaysValidPValue(), reversed.alwaysValidPValue(), 1e-15);
    }

    @Test
    void clusteredComparisonMatchesTheDeltaMethodFromSampleCovariances() {
        // variant: customers with (n, y) = (1,1) (2,0) (10,6) (3,1) (4,0); control: (5,0) (1,0) (1,1) (2,1) (8,1)
        // (3,0). From the sample (co)variances, Var(R) = (s_y^2 - 2R s_yn + R^2 s_n^2) / (K nbar^2):
        // variant R = 0.4, Var = 0.02375; control R = 0.15, Var = 0.00612; difference 0.25, V = 0.02987,
        // interval [-0.088739, 0.588739], p = 0.148033, always-valid p with tau^2 = 0.01: 0.888680
        ClusterSums variant = new ClusterSums(5, 20, 8, 130, 38, 64);
        ClusterSums control = new ClusterSums(6, 20, 3, 104, 3, 11);
        assertEquals(0.4, variant.ratio(), 1e-15);
        assertEquals(0.02375, variant.ratioVariance(), 1e-12);
        assertEquals(0.00612, control.ratioVariance(), 1e-12);
        Comparison c = ProportionStatistics.compare(variant, control, 0.01);
        assertEquals(0.25, c.difference(), 1e-15);
        assertEquals(-0.0887394, c.lower95(), 1e-6);
        assertEquals(0.5887394, c.upper95(), 1e-6);
        assertEquals(0.148033, c.pValue(), 1e-6);
        assertEquals(0.888680, c.alwaysValidPValue(), 1e-6);
    }

    @Test
    void customerClustersKeepTheSumsOneImpressionAtATime() {
        CustomerClusters clusters = new CustomerClusters(2);
        int[][] visits = {{1, 1}, {2, 0}, {10, 6}, {3, 1}, {4, 0}};
        // interleaved: every customer's impressions and outcomes arrive in turns
        for (int round = 0; round < 10; round++) {
            for (int customer = 0; customer < visits.length; customer++) {
                if (round < visits[customer][0]) {
                    clusters.impression("c" + customer);
                    if (round < visits[customer][1]) {
                        clusters.success("c" + customer, 1);
                    }
                }
            }
        }
        assertEquals(new ClusterSums(5, 20, 8, 130, 38, 64), clusters.sums(1));
        assertEquals(new ClusterSums(5, 20, 0, 130, 0, 0), clusters.sums(0));
        assertThrows(IllegalStateException.class, () -> clusters.success("c0", 1), "one impression, one outcome");
        assertThrows(IllegalStateException.class, () -> clusters.success("unknown", 0));
    }

    @Test
    void repeatVisitsWidenTheComparison() {
        // the same 90 clicks in 1,000 impressions: from 1,000 customers, or from 10 customers of 100 impressions
        // each, whose click-through rates differ (y = 0, 2, ..., 18 clicks)
        long ySquares = 0;
        long products = 0;
        for (int y = 0; y < 20; y += 2) {
            ySquares += (long) y * y;
            products += 100L * y;
        }
        ClusterSums clustered = new ClusterSums(10, 1000, 90, 10 * 100 * 100, ySquares, products);
        ClusterSums single = trials(90, 1000);
        assertTrue(clustered.ratioVariance() > 4 * single.ratioVariance(),
                clustered.ratioVariance() + " against " + single.ratioVariance());
        Comparison independent = ProportionStatistics.compare(trials(120, 1000), single, TAU2);
        Comparison repeated = ProportionStatistics.compare(trials(120, 1000), clustered, TAU2);
        assertTrue(repeated.pValue() > independent.pValue(), repeated + " against " + independent);
        assertTrue(repeated.upper95() - repeated.lower95() > independent.upper95() - independent.lower95());
    }

    @Test
    void degenerateComparisonsGiveOneAndNoNaN() {
        ClusterSums empty = ClusterSums.NONE;
        ClusterSums some = trials(5, 100);
        ClusterSums oneCustomer = new ClusterSums(1, 100, 5, 100 * 100, 25, 500);
        for (Comparison c : new Comparison[] {
                ProportionStatistics.compare(empty, some, TAU2),
                ProportionStatistics.compare(some, empty, TAU2),
                ProportionStatistics.compare(empty, empty, TAU2),
                ProportionStatistics.compare(oneCustomer, some, TAU2),
                ProportionStatistics.compare(some, oneCustomer, TAU2)}) {
            assertEquals(1.0, c.pValue());
            assertEquals(1.0, c.alwaysValidPValue());
            assertEquals(-1.0, c.lower95());
            assertEquals(1.0, c.upper95());
            assertFalse(Double.isNaN(c.difference()));
        }
        // every rate 0: V = 0
        Comparison zeros = ProportionStatistics.compare(trials(0, 500), trials(0, 700), TAU2);
        assertEquals(new Comparison(0.0, 0.0, 0.0, 1.0, 1.0), zeros);
        // 0% against 100%: V = 0, no spread between customers to measure the difference against: no evidence
        Comparison opposite = ProportionStatistics.compare(trials(50, 50), trials(0, 50), TAU2);
        assertEquals(new Comparison(1.0, 1.0, 1.0, 1.0, 1.0), opposite);
        // every customer of both sides with the same ratio 0.5
        Comparison sameRatio = ProportionStatistics.compare(new ClusterSums(2, 4, 2, 8, 2, 4),
                new ClusterSums(3, 6, 3, 12, 3, 6), TAU2);
        assertEquals(new Comparison(0.0, 0.0, 0.0, 1.0, 1.0), sameRatio);
    }

    @Test
    void theMixingVarianceMustBePositiveAndFinite() {
        ClusterSums p = trials(5, 100);
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
            Comparison c = ProportionStatistics.compare(trials(n / 10, n), trials(n / 10, n), TAU2);
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
            Comparison c = ProportionStatistics.compare(trials(n * 12 / 100, n), trials(n * 10 / 100, n), TAU2);
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
            Comparison c = ProportionStatistics.compare(trials(k[0], k[1]), trials(k[2], k[3]), TAU2);
            assertTrue(c.alwaysValidPValue() >= c.pValue(), c::toString);
            assertTrue(c.lower95() < c.difference() && c.difference() < c.upper95(), c::toString);
        }
    }

    @Test
    void theOverloadKeepsTheRunningMinimum() {
        ClusterSums a = trials(1150, 10_000);
        ClusterSums b = trials(1000, 10_000);
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
            long visitors = 0;
            double runningMinimum = 1.0;
            boolean naiveStopped = false;
            for (int look = 0; look < looks; look++) {
                for (int u = 0; u < usersPerLook; u++) {
                    successesA += random.nextDouble() < rate ? 1 : 0;
                    successesB += random.nextDouble() < rate ? 1 : 0;
                }
                visitors += usersPerLook;
                Comparison c = ProportionStatistics.compare(trials(successesA, visitors), trials(successesB, visitors),
                        TAU2, runningMinimum);
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
