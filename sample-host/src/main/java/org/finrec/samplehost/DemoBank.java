package org.finrec.samplehost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.finrec.api.Customer;
import org.finrec.api.Interaction;
import org.finrec.api.InteractionKind;
import org.finrec.api.Product;
import org.finrec.api.ProductCategory;
import org.finrec.api.ProductComplexity;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;

/**
 * The sample host's own small bank: a built-in catalogue of fourteen retail products and customers generated
 * from a seed. Each customer belongs to a life-stage segment that sets their age, income, risk tolerance and
 * preferred channel; each product has an affinity per segment, raised by income, so that what customers hold
 * depends on who they are and popularity per segment differs from popularity overall.
 */
final class DemoBank {

    /** Life-stage segments: name, age range, median income, risk tolerance range, preferred channel. */
    enum Segment {
        STUDENT("student", 18, 25, 9_000, 1, 4, "mobile"),
        YOUNG_PROFESSIONAL("young-professional", 24, 36, 38_000, 2, 6, "mobile"),
        FAMILY("family", 30, 50, 52_000, 2, 5, "online"),
        AFFLUENT("affluent", 35, 65, 120_000, 3, 7, "branch"),
        SENIOR("senior", 60, 88, 30_000, 1, 3, "branch");

        final String label;
        final int minAge;
        final int maxAge;
        final double medianIncome;
        final int minRisk;
        final int maxRisk;
        final String channel;

        Segment(String label, int minAge, int maxAge, double medianIncome, int minRisk, int maxRisk,
                String channel) {
            this.label = label;
            this.minAge = minAge;
            this.maxAge = maxAge;
            this.medianIncome = medianIncome;
            this.minRisk = minRisk;
            this.maxRisk = maxRisk;
            this.channel = channel;
        }
    }

    /** A catalogue product and its base adoption log-odds per segment, in {@link Segment} order. */
    private record Offer(Product product, double[] logOdds, double incomeEffect) {
    }

    private static final List<Offer> OFFERS = List.of(
            offer(Product.builder("current-account").name("Current account").category(ProductCategory.ACCOUNT)
                    .description("An everyday account for salary, card payments and transfers.").build(),
                    0.0, new double[] {2.5, 3.0, 3.0, 2.8, 2.6}),
            offer(Product.builder("savings-account").name("Savings account").category(ProductCategory.ACCOUNT)
                    .annualRatePercent(1.5).description("An instant-access account that pays interest on savings.")
                    .build(), 0.3, new double[] {-1.5, -0.5, 0.0, 0.5, 0.8}),
            offer(Product.builder("debit-card").name("Debit card").category(ProductCategory.CARD)
                    .description("A card that pays straight from the current account.").build(),
                    0.0, new double[] {1.5, 1.8, 1.5, 1.0, 0.0}),
            offer(Product.builder("credit-card").name("Credit card").category(ProductCategory.CARD)
                    .riskClass(2).annualRatePercent(19.9).complexity(ProductComplexity.STANDARD)
                    .eligibleAges(18, 80).description("A revolving credit line with a monthly statement.").build(),
                    0.6, new double[] {-1.5, 0.3, 0.2, 0.8, -1.0}),
            offer(Product.builder("student-account").name("Student account").category(ProductCategory.ACCOUNT)
                    .eligibleAges(18, 27).description("A fee-free account with an interest-free overdraft for "
                            + "students.").build(),
                    0, new double[] {1.0, -1.5, -9, -9, -9}),
            offer(Product.builder("personal-loan").name("Personal loan").category(ProductCategory.LOAN)
                    .riskClass(2).termMonths(48).annualRatePercent(7.9).complexity(ProductComplexity.STANDARD)
                    .eligibleAges(18, 75).description("A fixed-rate loan repaid in monthly instalments.").build(),
                    0.2, new double[] {-2.5, -1.0, -0.6, -1.5, -2.5}),
            offer(Product.builder("mortgage").name("Mortgage").category(ProductCategory.MORTGAGE).riskClass(2)
                    .termMonths(300).annualRatePercent(3.6).complexity(ProductComplexity.STANDARD)
                    .eligibleAges(18, 70).description("A loan secured on the customer's home.").build(),
                    0.8, new double[] {-6, -1.8, 0.2, -0.3, -3.0}),
            offer(Product.builder("term-deposit").name("12-month term deposit").category(ProductCategory.DEPOSIT)
                    .termMonths(12).annualRatePercent(3.0).description("A fixed rate for money locked for a year.")
                    .build(), 0.5, new double[] {-3.0, -1.5, -1.0, 0.0, 0.6}),
            offer(Product.builder("bond-fund").name("Bond fund").category(ProductCategory.FUND).riskClass(3)
                    .complexity(ProductComplexity.STANDARD).description("A fund of government and corporate "
                            + "bonds.").build(),
                    0.9, new double[] {-4.0, -2.5, -1.8, -0.3, -0.8}),
            offer(Product.builder("balanced-fund").name("Balanced fund").category(ProductCategory.FUND).riskClass(4)
                    .complexity(ProductComplexity.STANDARD).description("A mix of shares and bonds.").build(),
                    0.9, new double[] {-4.0, -2.0, -1.8, 0.0, -1.5}),
            offer(Product.builder("equity-fund").name("Global equity fund").category(ProductCategory.FUND)
                    .riskClass(6).complexity(ProductComplexity.STANDARD).description("A fund of shares in "
                            + "companies worldwide.").build(),
                    1.0, new double[] {-4.0, -1.5, -2.5, 0.2, -3.0}),
            offer(Product.builder("pension-plan").name("Pension plan").category(ProductCategory.PENSION)
                    .riskClass(3).complexity(ProductComplexity.STANDARD).eligibleAges(18, 65)
                    .description("Tax-advantaged saving for retirement.").build(),
                    0.7, new double[] {-5.0, -1.5, -0.8, 0.2, -9}),
            offer(Product.builder("life-insurance").name("Life insurance").category(ProductCategory.INSURANCE)
                    .riskClass(1).termMonths(240).eligibleAges(18, 70).description("Pays the family if the "
                            + "customer dies.").build(),
                    0.3, new double[] {-5.0, -2.0, 0.0, -0.5, -3.0}),
            offer(Product.builder("e-banking").name("Online banking").category(ProductCategory.PAYMENT_SERVICE)
                    .description("Banking on the web and in the app.").build(),
                    0.0, new double[] {2.0, 2.0, 1.2, 0.5, -0.8}));

    private static final Instant END = Instant.parse("2026-10-31T00:00:00Z");

    private final List<Customer> customers;
    private final List<Interaction> interactions;
    private final Dataset dataset;
    private final ProductCatalog catalog;

    private DemoBank(List<Customer> customers, List<Interaction> interactions, String name) {
        this.customers = customers;
        this.interactions = interactions;
        List<Product> products = OFFERS.stream().map(Offer::product).toList();
        this.catalog = ProductCatalog.of(products);
        this.dataset = Dataset.of(name, customers, products, interactions);
    }

    private static Offer offer(Product product, double incomeEffect, double[] logOdds) {
        return new Offer(product, logOdds, incomeEffect);
    }

    /**
     * Generates a bank.
     *
     * @param customerCount how many customers
     * @param seed the random seed; the same seed gives the same bank
     * @return the bank
     */
    static DemoBank generate(int customerCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Segment[] segments = Segment.values();
        double[] segmentShare = {0.15, 0.25, 0.30, 0.10, 0.20};
        List<Customer> customers = new ArrayList<>(customerCount);
        List<Interaction> interactions = new ArrayList<>();
        for (int c = 0; c < customerCount; c++) {
            Segment segment = pick(segments, segmentShare, random.nextDouble());
            int age = segment.minAge + random.nextInt(segment.maxAge - segment.minAge + 1);
            double income = segment.medianIncome * Math.exp(0.5 * gaussian(random));
            double relativeIncome = Math.log(income / segment.medianIncome);
            String id = String.format("C%05d", c + 1);
            Customer.Builder customer = Customer.builder(id).age(age).annualIncome(Math.round(income))
                    .segment(segment.label).tenureMonths(random.nextInt(240)).preferredChannel(segment.channel);
            if (random.nextDouble() < 0.9) {
                customer.riskTolerance(segment.minRisk + random.nextInt(segment.maxRisk - segment.minRisk + 1));
            }
            Customer draft = customer.build();
            for (Offer offer : OFFERS) {
                double logOdds = offer.logOdds()[segment.ordinal()] + offer.incomeEffect() * relativeIncome;
                boolean suitable = offer.product().eligibleAges().contains(age)
                        && offer.product().riskClass() <= draft.riskTolerance().orElse(Product.MAX_RISK_CLASS);
                if (suitable && random.nextDouble() < logistic(logOdds)) {
                    customer.holding(offer.product().id());
                    Instant when = END.minus(Duration.ofDays(random.nextInt(720)));
                    interactions.add(new Interaction(id, offer.product().id(), InteractionKind.PURCHASE, when,
                            Optional.of(segment.channel), 1.0));
                }
            }
            customers.add(customer.build());
        }
        return new DemoBank(customers, interactions, "demo-bank-" + seed);
    }

    private static Segment pick(Segment[] segments, double[] shares, double u) {
        double cumulative = 0;
        for (int i = 0; i < segments.length; i++) {
            cumulative += shares[i];
            if (u < cumulative) {
                return segments[i];
            }
        }
        return segments[segments.length - 1];
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    List<Customer> customers() {
        return customers;
    }

    int interactionCount() {
        return interactions.size();
    }

    Dataset dataset() {
        return dataset;
    }

    ProductCatalog catalog() {
        return catalog;
    }
}
