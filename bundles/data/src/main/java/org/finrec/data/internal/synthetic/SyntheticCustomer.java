package org.finrec.data.internal.synthetic;

import java.util.List;
import java.util.SplittableRandom;
import org.finrec.api.Product;

/**
 * One simulated customer: latent life stage, income, risk appetite and digital affinity, drawn from the
 * customer's own random stream, and the products held in each month. Immutable after {@link #simulate}.
 *
 * <p>Each product has a long-run ownership probability {@code pi} (the logistic of its log-odds for this customer).
 * Month 0 holdings are drawn from {@code pi}; afterwards, each month, a product not held is added with probability
 * {@code rate * pi} and a held one dropped with probability {@code rate * (1 - pi)}, a two-state chain whose
 * stationary ownership is {@code pi}. Products that depend on other holdings re-evaluate {@code pi} every month.
 */
final class SyntheticCustomer {

    private static final String[] PROVINCES = {"MADRID", "BARCELONA", "VALENCIA", "SEVILLA", "MALAGA", "MURCIA",
        "CORUÑA, A", "ALICANTE", "ZARAGOZA", "CADIZ", "ASTURIAS", "BIZKAIA"};
    private static final double[] PROVINCE_SHARES = {0.32, 0.10, 0.06, 0.05, 0.04, 0.04, 0.04, 0.04, 0.03, 0.03,
        0.03, 0.22};
    /** Share of customers with a recorded risk assessment. */
    private static final double ASSESSED = 0.85;
    private static final double ACTIVE = 0.55;
    private static final double ACTIVE_RATE = 0.04;
    private static final double INACTIVE_RATE = 0.008;

    final int index;
    final LifeStage stage;
    final int age;
    final double income;
    /** Risk tolerance 1-7 implied by the latent appetite; what the bank records if it assessed the customer. */
    final int riskTolerance;
    final boolean assessed;
    final int tenureMonths;
    final String channel;
    final String sex;
    final String province;
    final boolean active;
    /** Bit p set when product p (column order) is held, one mask per month. */
    final int[] holdingsByMonth;

    private SyntheticCustomer(int index, LifeStage stage, int age, double income, int riskTolerance, boolean assessed,
            int tenureMonths, String channel, String sex, String province, boolean active, int[] holdingsByMonth) {
        this.index = index;
        this.stage = stage;
        this.age = age;
        this.income = income;
        this.riskTolerance = riskTolerance;
        this.assessed = assessed;
        this.tenureMonths = tenureMonths;
        this.channel = channel;
        this.sex = sex;
        this.province = province;
        this.active = active;
        this.holdingsByMonth = holdingsByMonth;
    }

    /** Simulates customer {@code index} over {@code months} months from its own stream of the given seed. */
    static SyntheticCustomer simulate(long seed, int index, int months, List<Product> products) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1L)));
        LifeStage stage = LifeStage.draw(random.nextDouble());
        int age = stage.minAge + random.nextInt(stage.maxAge - stage.minAge + 1);
        double income = stage.medianIncome == 0 ? 0 : stage.medianIncome * Math.exp(0.6 * gaussian(random));
        double appetite = stage.riskAppetite + gaussian(random);
        int riskTolerance = (int) Math.max(1, Math.min(7, Math.round(3 + 1.3 * appetite)));
        boolean assessed = stage != LifeStage.MINOR && random.nextDouble() < ASSESSED;
        double digital = gaussian(random) - (age - 45) / 25.0;
        String channel = digital > 0.8 ? "mobile" : digital > -0.4 ? "online" : "branch";
        int tenureMonths = random.nextInt(Math.max(1, Math.min(240, (age - stage.minAge + 1) * 12)));
        String sex = random.nextBoolean() ? "H" : "V";
        String province = PROVINCES[pick(PROVINCE_SHARES, random.nextDouble())];
        boolean active = random.nextDouble() < ACTIVE;
        double rate = active ? ACTIVE_RATE : INACTIVE_RATE;

        double relativeIncome = Math.log(Math.max(income, 1000) / 40_000);
        double[] staticLogOdds = new double[ProductBehaviour.PRODUCTS];
        for (int p = 0; p < staticLogOdds.length; p++) {
            Product product = products.get(p);
            boolean eligible = product.eligibleAges().contains(age) && product.riskClass().isPresent()
                    && product.riskClass().getAsInt() <= riskTolerance;
            staticLogOdds[p] = eligible ? ProductBehaviour.STAGE_LOG_ODDS[p][stage.ordinal()]
                    + ProductBehaviour.INCOME_EFFECT[p] * relativeIncome
                    + ProductBehaviour.DIGITAL_EFFECT[p] * digital : Double.NEGATIVE_INFINITY;
        }
        double[] ownership = new double[staticLogOdds.length];
        for (int p = 0; p < ownership.length; p++) {
            ownership[p] = logistic(staticLogOdds[p]);
        }

        int[] holdingsByMonth = new int[months];
        int holdings = 0;
        for (int p = 0; p < ownership.length; p++) {
            if (random.nextDouble() < ownership[p]) {
                holdings |= 1 << p;
            }
        }
        holdingsByMonth[0] = holdings;
        for (int month = 1; month < months; month++) {
            int next = holdings;
            for (int p = 0; p < ownership.length; p++) {
                double pi = ProductBehaviour.dependsOnHoldings(p) && staticLogOdds[p] != Double.NEGATIVE_INFINITY
                        ? logistic(staticLogOdds[p] + ProductBehaviour.holdingBoost(p, holdings))
                        : ownership[p];
                boolean held = ProductBehaviour.held(holdings, p);
                double change = held ? rate * (1 - pi) : rate * pi;
                if (random.nextDouble() < change) {
                    next ^= 1 << p;
                }
            }
            holdings = next;
            holdingsByMonth[month] = holdings;
        }
        return new SyntheticCustomer(index, stage, age, income, riskTolerance, assessed, tenureMonths, channel, sex,
                province, active, holdingsByMonth);
    }

    private static int pick(double[] shares, double u) {
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (u < cumulative) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
