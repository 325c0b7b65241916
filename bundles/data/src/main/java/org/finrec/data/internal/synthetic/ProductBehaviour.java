package org.finrec.data.internal.synthetic;

/**
 * How attractive each of the 24 Santander products is to a synthetic customer: a log-odds of owning it per life
 * stage, effects of income and digital affinity, and boosts from products already held. The log-odds give the
 * long-run probability of owning the product; the monthly dynamics move customers towards it.
 */
final class ProductBehaviour {

    static final int PRODUCTS = 24;

    // Column indices of the products with cross effects (Santander column order).
    static final int CURRENT_ACCOUNT = 2;
    static final int PAYROLL_ACCOUNT = 4;
    static final int PARTICULAR_ACCOUNT = 7;
    static final int E_ACCOUNT = 12;
    static final int CREDIT_CARD = 18;
    static final int PAYROLL = 21;
    static final int DIRECT_DEBIT = 23;

    private static final double X = -12; // effectively never

    /** Ownership log-odds per product (rows, column order) and life stage (columns, {@link LifeStage} order). */
    static final double[][] STAGE_LOG_ODDS = {
        //  MINOR STUDENT YOUNG FAMILY AFFLUENT PRE  RETIRED
        {X, -7.0, -7.0, -7.0, -6.0, -7.0, -7.0},    // ahor_fin savings
        {X, X, -8.0, -7.5, -5.0, -7.5, -8.0},       // aval_fin guarantee
        {-5.0, 1.5, 1.0, 0.8, 0.5, 0.8, 1.2},       // cco_fin current account
        {X, X, -9.0, -9.0, -6.0, -8.0, -9.0},       // cder_fin derivatives
        {X, -3.0, -1.2, -1.0, -1.5, -1.5, -4.0},    // cno_fin payroll account
        {2.5, X, X, X, X, X, X},                    // ctju_fin junior
        {X, -5.0, -4.0, -4.5, -4.5, -4.5, -5.0},    // ctma_fin mas particular
        {X, -3.0, -2.5, -1.8, -2.0, -1.5, -1.2},    // ctop_fin particular
        {X, -5.0, -3.5, -3.0, -2.5, -3.0, -3.5},    // ctpp_fin particular plus
        {X, -8.0, -7.0, -7.0, -6.0, -7.0, -7.0},    // deco_fin short deposit
        {X, -8.0, -7.0, -6.5, -5.5, -6.5, -6.5},    // deme_fin medium deposit
        {X, -6.0, -4.5, -3.5, -1.5, -2.5, -2.5},    // dela_fin long deposit
        {X, -2.0, -1.8, -2.2, -1.5, -3.0, -4.5},    // ecue_fin e-account
        {X, -7.0, -5.0, -4.5, -1.5, -3.5, -4.0},    // fond_fin funds
        {X, X, -4.5, -3.5, -3.5, -6.0, X},          // hip_fin mortgage
        {X, X, -5.0, -4.0, -2.5, -2.5, X},          // plan_fin pension plan
        {X, -7.0, -5.0, -5.0, -6.0, -6.0, -7.0},    // pres_fin loan
        {X, -6.0, -3.5, -3.0, -1.0, -2.5, -3.0},    // reca_fin taxes
        {X, -4.0, -3.0, -2.8, -1.5, -3.0, -4.0},    // tjcr_fin credit card
        {X, -7.0, -4.5, -4.0, -1.5, -3.5, -3.5},    // valo_fin securities
        {X, -8.0, -5.0, -7.0, -8.0, X, X},          // viv_fin home savings
        {X, -4.0, -1.6, -1.5, -2.0, -1.8, -6.0},    // nomina payroll
        {X, X, X, X, -6.0, -4.0, 0.0},              // nom_pens pension payments
        {X, -3.0, -1.5, -1.2, -1.0, -1.3, -1.5},    // recibo direct debits
    };

    /** Effect of log(income / 40,000) on the log-odds. */
    static final double[] INCOME_EFFECT = {
        0.2, 0.5, 0.0, 0.8, 0.2, 0.0, 0.1, 0.0, 0.3, 0.3, 0.4, 0.6,
        0.0, 0.8, 0.3, 0.4, -0.2, 0.5, 0.4, 0.8, 0.0, 0.2, 0.0, 0.1,
    };

    /** Effect of the latent digital affinity (standard normal) on the log-odds. */
    static final double[] DIGITAL_EFFECT = {
        0.2, 0.0, 0.0, 0.3, 0.0, 0.0, 0.0, -0.3, 0.0, 0.2, 0.0, -0.2,
        1.2, 0.2, 0.0, 0.0, 0.2, 0.0, 0.3, 0.3, 0.2, 0.0, -0.3, 0.0,
    };

    private ProductBehaviour() {
    }

    /**
     * The log-odds boost a product gets from what the customer holds now: payroll account and payroll come
     * together, direct debits follow an everyday account, the credit card follows payroll, the e-account follows
     * the current account.
     */
    static double holdingBoost(int product, int holdings) {
        switch (product) {
            case PAYROLL:
                return held(holdings, PAYROLL_ACCOUNT) ? 3.0 : 0;
            case PAYROLL_ACCOUNT:
                return held(holdings, PAYROLL) ? 3.0 : 0;
            case DIRECT_DEBIT:
                return held(holdings, CURRENT_ACCOUNT) || held(holdings, PAYROLL_ACCOUNT)
                        || held(holdings, PARTICULAR_ACCOUNT) ? 1.5 : 0;
            case CREDIT_CARD:
                return held(holdings, PAYROLL) ? 1.0 : 0;
            case E_ACCOUNT:
                return held(holdings, CURRENT_ACCOUNT) ? 0.5 : 0;
            default:
                return 0;
        }
    }

    /** Whether a product's attractiveness depends on the other holdings. */
    static boolean dependsOnHoldings(int product) {
        return product == PAYROLL || product == PAYROLL_ACCOUNT || product == DIRECT_DEBIT || product == CREDIT_CARD
                || product == E_ACCOUNT;
    }

    static boolean held(int holdings, int product) {
        return (holdings & (1 << product)) != 0;
    }
}
