package org.finrec.data.internal.synthetic;

/**
 * The latent life stage that drives a synthetic customer's age, income, risk appetite, channel and product
 * needs. Shares add up to 1.
 */
enum LifeStage {
    MINOR(0.03, 2, 17, 0, 0.0, "03 - UNIVERSITARIO"),
    STUDENT(0.12, 18, 25, 9_000, 0.2, "03 - UNIVERSITARIO"),
    YOUNG_ADULT(0.20, 24, 35, 28_000, 0.5, "02 - PARTICULARES"),
    FAMILY(0.27, 32, 52, 45_000, 0.3, "02 - PARTICULARES"),
    AFFLUENT(0.06, 35, 70, 160_000, 0.9, "01 - TOP"),
    PRE_RETIREMENT(0.14, 52, 66, 40_000, 0.1, "02 - PARTICULARES"),
    RETIRED(0.18, 65, 95, 22_000, -0.5, "02 - PARTICULARES");

    final double share;
    final int minAge;
    final int maxAge;
    final double medianIncome;
    /** Mean of the latent risk appetite (standard normal around it). */
    final double riskAppetite;
    final String segment;

    LifeStage(double share, int minAge, int maxAge, double medianIncome, double riskAppetite, String segment) {
        this.share = share;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.medianIncome = medianIncome;
        this.riskAppetite = riskAppetite;
        this.segment = segment;
    }

    static LifeStage draw(double u) {
        double cumulative = 0;
        for (LifeStage stage : values()) {
            cumulative += stage.share;
            if (u < cumulative) {
                return stage;
            }
        }
        return RETIRED;
    }
}
