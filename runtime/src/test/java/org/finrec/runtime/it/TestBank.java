package org.finrec.runtime.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.ProductCategory;
import org.finrec.api.data.Dataset;

/**
 * A small bank for integration tests: seven products with known risk classes, ages, rates and descriptions, and
 * 400 customers whose holdings follow a fixed pattern, so that popularity has a clear order (current account,
 * savings, credit card, bond fund, equity fund, term deposit, student account).
 */
final class TestBank {

    static final List<Product> PRODUCTS = List.of(
            Product.builder("current").name("Current account").category(ProductCategory.ACCOUNT).riskClass(1)
                    .description("An everyday account for your salary, card payments, direct debits and transfers.")
                    .build(),
            Product.builder("savings").name("Savings account").category(ProductCategory.ACCOUNT).riskClass(1)
                    .annualRatePercent(1.5).description("Put money aside for your family's future plans, such as "
                            + "a child's studies, and take it out whenever you need it.").build(),
            Product.builder("credit-card").name("Credit card").category(ProductCategory.CARD).riskClass(2)
                    .annualRatePercent(19.9).eligibleAges(18, 80)
                    .description("Pay for shopping and travel now and settle the balance monthly.").build(),
            Product.builder("bond-fund").name("Bond fund").category(ProductCategory.FUND).riskClass(3)
                    .description("Invest in government and corporate bonds for steady income.").build(),
            Product.builder("equity-fund").name("Equity fund").category(ProductCategory.FUND).riskClass(6)
                    .description("Invest in company shares on world stock markets for long-term growth.").build(),
            Product.builder("term-deposit").name("Term deposit").category(ProductCategory.DEPOSIT).riskClass(1).termMonths(12)
                    .annualRatePercent(3.0)
                    .description("Lock away a lump sum for a year at a fixed interest rate.").build(),
            Product.builder("student").name("Student account").category(ProductCategory.ACCOUNT).riskClass(1)
                    .eligibleAges(18, 27).description("A fee-free account for students at college or university.")
                    .build());

    /** Share of customers holding each product, in {@link #PRODUCTS} order. */
    private static final double[] SHARE = {0.9, 0.6, 0.5, 0.35, 0.3, 0.2, 0.05};

    private TestBank() {
    }

    static ProductCatalog catalog() {
        return ProductCatalog.of(PRODUCTS);
    }

    static Dataset dataset() {
        return dataset("test-bank", 37);
    }

    /** The same customers and products as {@link #dataset()}, holding other products. */
    static Dataset otherHoldings() {
        return dataset("test-bank-other-holdings", 53);
    }

    private static Dataset dataset(String name, int stride) {
        List<Customer> customers = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        int count = 400;
        for (int c = 0; c < count; c++) {
            String id = "T" + c;
            Customer.Builder customer = Customer.builder(id).age(20 + c % 60).riskTolerance(1 + c % 7)
                    .segment(c % 2 == 0 ? "retail" : "affluent");
            for (int p = 0; p < PRODUCTS.size(); p++) {
                if ((c * stride + p * 11) % count < SHARE[p] * count) {
                    customer.holding(PRODUCTS.get(p).id());
                    interactions.add(Interaction.of(id, PRODUCTS.get(p).id(), InteractionKind.PURCHASE,
                            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * c)));
                }
            }
            customers.add(customer.build());
        }
        return Dataset.of(name, customers, PRODUCTS, interactions);
    }

    /** A 30-year-old with risk tolerance 2 who holds only a current account. */
    static Customer cautiousCustomer() {
        return Customer.builder("cautious").age(30).riskTolerance(2).segment("retail").holding("current").build();
    }
}
