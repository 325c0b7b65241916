package org.finrec.experiment.internal;

import static org.finrec.experiment.internal.ExperimentFixtures.definition;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.finrec.api.experiment.OutcomeKind;
import org.finrec.experiment.internal.log.LogRecord.ImpressionRecord;
import org.finrec.experiment.internal.log.LogRecord.OutcomeRecord;
import org.junit.jupiter.api.Test;

/**
 * The click-through guardrail with customers who come back: simulated experiments fed record by record into the
 * ledger that the service builds from its log, with the service's own guardrail decision
 * ({@link ExperimentManager#guardrailBreach}) taken after every impression, as a guardrail that looks
 * continuously would.
 *
 * <p>The traffic has heavy repeat visitors: each customer's number of visits is Pareto distributed (shape 1.2,
 * minimum 1, capped at 2,000: most customers come once or twice, a few hundreds of times) and each customer clicks
 * with a propensity of their own, Beta(1, 9) distributed (mean 10%), so one customer's clicks go together.
 * Allocation is sticky per customer, as in the service.
 */
class RepeatVisitorsGuardrailTest {

    private static final String EXPERIMENT = "ranker";
    private static final double SIGNIFICANCE = 0.05;
    private static final double PARETO_SHAPE = 1.2;
    private static final int MAX_VISITS = 2_000;
    private static final List<String> PRODUCTS = List.of("p1", "p2");

    private final ExperimentDefinition definition = definition(Map.of("guardrail.significance", SIGNIFICANCE,
            "guardrail.minimum.impressions", 100L));
    private final ExperimentDefinition.Variant treatment = definition.variants().get(1);

    /**
     * Under no difference (A/A), the guardrail halts in at most about {@code α} of the experiments when customers
     * are the unit; when each impression counts as a customer of its own (what the per-impression Bernoulli
     * variance assumes, and what the same delta method computes when every customer is seen once), it halts
     * identical variants far more often.
     */
    @Test
    void identicalVariantsWithRepeatVisitorsAreRarelyHalted() {
        int experiments = 200;
        int clusteredHalts = 0;
        int perImpressionHalts = 0;
        for (int seed = 1; seed <= experiments; seed++) {
            clusteredHalts += halts(seed, 2_000, 1.0, true, 1) ? 1 : 0;
            perImpressionHalts += halts(seed, 2_000, 1.0, false, 1) ? 1 : 0;
        }
        double clusteredRate = clusteredHalts / (double) experiments;
        double perImpressionRate = perImpressionHalts / (double) experiments;
        String rates = String.format(Locale.ROOT, "A/A false halts at alpha %.2f over %d experiments: clustered by "
                + "customer %.1f%%, per impression %.1f%%", SIGNIFICANCE, experiments, 100 * clusteredRate,
                100 * perImpressionRate);
        System.out.println(rates);
        // alpha plus about two Monte-Carlo standard errors (sqrt(0.05 * 0.95 / 200) = 1.5 points)
        assertTrue(clusteredRate <= SIGNIFICANCE + 0.03, rates);
        assertTrue(perImpressionRate >= 2 * (SIGNIFICANCE + 0.03), rates);
    }

    /** A treatment that halves every customer's click propensity is halted in most experiments. */
    @Test
    void aTreatmentThatHalvesTheClickThroughRateIsHalted() {
        int experiments = 20;
        int halted = 0;
        for (int seed = 1; seed <= experiments; seed++) {
            halted += halts(seed, 20_000, 0.5, true, 100) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "halved CTR halted in %d of %d experiments (20,000 customers)%n", halted,
                experiments);
        assertTrue(halted >= 15, halted + " of " + experiments);
    }

    /**
     * Simulates one experiment and tells whether the guardrail halted the treatment.
     *
     * @param treatmentEffect the factor on the click propensity of the treatment's customers
     * @param byCustomer whether impressions are logged under their customer (else each under an id of its own)
     * @param lookEvery how many impressions pass between two guardrail decisions (the always-valid p-value the
     *        decision reads is the running minimum over every observation either way)
     */
    private boolean halts(long seed, int customers, double treatmentEffect, boolean byCustomer, int lookEvery) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] visits = new int[customers];
        double[] propensity = new double[customers];
        boolean[] treated = new boolean[customers];
        int total = 0;
        for (int customer = 0; customer < customers; customer++) {
            visits[customer] = paretoVisits(random);
            treated[customer] = random.nextBoolean();
            // Beta(1, 9) by inversion: F(x) = 1 - (1 - x)^9
            propensity[customer] = (1.0 - Math.pow(1.0 - random.nextDouble(), 1.0 / 9.0))
                    * (treated[customer] ? treatmentEffect : 1.0);
            total += visits[customer];
        }
        int[] order = new int[total];
        for (int customer = 0, next = 0; customer < customers; customer++) {
            for (int visit = 0; visit < visits[customer]; visit++) {
                order[next++] = customer;
            }
        }
        for (int i = total - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }

        ExperimentLedger ledger = new ExperimentLedger(1_000, 24);
        ledger.follow(EXPERIMENT, new ExperimentLedger.SequentialTest(definition.control().name(),
                List.of(treatment.name()), definition.guardrails().mixingVariance()));
        for (int t = 0; t < total; t++) {
            int customer = order[t];
            String requestId = "r" + t;
            String variant = treated[customer] ? treatment.name() : definition.control().name();
            ledger.apply(new ImpressionRecord(t, requestId, byCustomer ? "c" + customer : requestId, EXPERIMENT,
                    variant, "", false, PRODUCTS, "popularity"));
            if (random.nextDouble() < propensity[customer]) {
                ledger.apply(new OutcomeRecord(t, requestId, "p1", OutcomeKind.CLICK, t));
            }
            if ((t % lookEvery == 0 || t == total - 1)
                    && ExperimentManager.guardrailBreach(ledger, definition, treatment).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Pareto with minimum 1 by inversion, {@code floor(U^(-1/shape))}, capped. */
    private static int paretoVisits(SplittableRandom random) {
        double draw = Math.pow(1.0 - random.nextDouble(), -1.0 / PARETO_SHAPE);
        return (int) Math.min(MAX_VISITS, Math.floor(draw));
    }
}
