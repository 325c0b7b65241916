package org.finrec.data.internal.catalog;

import java.util.List;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.api.ProductComplexity;

/**
 * The three products of the UCI Bank Marketing data (a Portuguese bank's term-deposit campaigns, 2008-2010), typed
 * as {@link SantanderProducts} types the same kinds of product: risk classes from the customer's point of view
 * (2 for credit, 1 for a guaranteed deposit), terms, complexity, eligible ages and descriptions written by the
 * Finrec team. No headline rates: the data does not say what the bank paid or charged, and the 3-month Euribor
 * fell from about 5% to under 1% over those years.
 */
public final class BankMarketingProducts {

    /** The housing loan, held when {@code housing} is {@code yes}. */
    public static final Product HOUSING_LOAN = Product.builder("housing-loan")
            .name("Housing loan")
            .category(ProductCategory.MORTGAGE)
            .riskClass(2)
            .termMonths(360)
            .complexity(ProductComplexity.STANDARD)
            .eligibleAges(18, 75)
            .description("A loan to buy, build or renovate your home, secured by a mortgage on the property and "
                    + "repaid in monthly instalments over up to 30 years. The rate usually follows the Euribor, so "
                    + "the instalment can rise as well as fall over the life of the loan. The bank values the home "
                    + "and checks your income first, life and home insurance are required, and the home can be "
                    + "repossessed if payments stop.")
            .build();

    /** The personal loan, held when {@code loan} is {@code yes}. */
    public static final Product PERSONAL_LOAN = Product.builder("personal-loan")
            .name("Personal loan")
            .category(ProductCategory.LOAN)
            .riskClass(2)
            .termMonths(60)
            .complexity(ProductComplexity.STANDARD)
            .eligibleAges(18, 75)
            .description("An unsecured loan for a car, furniture, studies or other plans, repaid in fixed monthly "
                    + "instalments over up to five years. How much you can borrow depends on your income and the "
                    + "debts you already have, and an opening fee applies. You may repay early for a small charge, "
                    + "while missed instalments bring late-payment costs and a mark in the credit register.")
            .build();

    /** The term deposit the campaigns sold, held when {@code y} is {@code yes}. */
    public static final Product TERM_DEPOSIT = Product.builder("term-deposit")
            .name("Term deposit")
            .category(ProductCategory.DEPOSIT)
            .riskClass(1)
            .termMonths(12)
            .complexity(ProductComplexity.SIMPLE)
            .eligibleAges(18, 130)
            .description("A savings deposit that sets your money aside for twelve months at an interest rate fixed "
                    + "on the day you open it. The capital is not exposed to the markets and is protected by the "
                    + "deposit guarantee scheme up to 100,000 euros. You can withdraw before maturity, but then "
                    + "you lose some or all of the interest.")
            .build();

    /** The products in dataset order: housing loan, personal loan, term deposit; unmodifiable. */
    public static final List<Product> PRODUCTS = List.of(HOUSING_LOAN, PERSONAL_LOAN, TERM_DEPOSIT);

    /** The column of the data file that tells whether each product is held, in the same order; unmodifiable. */
    public static final List<String> COLUMNS = List.of("housing", "loan", "y");

    private BankMarketingProducts() {
    }
}
