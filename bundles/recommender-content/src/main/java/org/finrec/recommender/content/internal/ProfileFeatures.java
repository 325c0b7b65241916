package org.finrec.recommender.content.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * The features of the profile-match model: each one crosses a product attribute (category, term, rate, risk
 * class) with a customer attribute (life stage, income, risk tolerance, further profile attributes), so that what
 * the model learns carries over to products it has never seen held; the same customer attributes crossed with the
 * product itself, and the product alone, let it fit the products it has seen. Also names each feature in words
 * for explanations. Immutable and thread-safe.
 *
 * <p>Life stage is the customer's {@value #LIFE_STAGE} attribute where the bank records one, otherwise it follows
 * from the age: under 25, 25-34, 35-49, 50-64, 65 and over. Income falls into the quarters of the training
 * customers' incomes.
 */
final class ProfileFeatures {

    /** The customer attribute that names a life stage, where the bank records one. */
    static final String LIFE_STAGE = "lifeStage";

    /**
     * One feature that applies to a customer and product: its key in the model and what it means, put in words only
     * when an explanation asks (scoring needs the key alone).
     */
    record Feature(String key, Supplier<String> describe) {

        String meaning() {
            return describe.get();
        }
    }

    /** What the features need to know of one customer, worked out once per request. */
    record Profile(String lifeStage, String lifeStageText, Optional<String> incomeBand, String incomeText,
            OptionalInt riskTolerance, List<String[]> attributes) {
    }

    private static final int[] STAGE_LIMITS = {25, 35, 50, 65};
    private static final String[] STAGE_NAMES = {"under-25", "25-34", "35-49", "50-64", "65-plus"};
    private static final String[] STAGE_TEXTS = {"under 25", "aged 25 to 34", "aged 35 to 49", "aged 50 to 64",
        "aged 65 or over"};

    private final double[] incomeQuartiles;
    private final List<String> attributes;
    private final AttributeBins bins;

    private ProfileFeatures(double[] incomeQuartiles, List<String> attributes, AttributeBins bins) {
        this.incomeQuartiles = incomeQuartiles;
        this.attributes = attributes;
        this.bins = bins;
    }

    /**
     * Learns the income quarters of the data's customers.
     *
     * @param data the training data
     * @param attributes further customer attributes to cross with the product category, numeric ones binned by
     *     {@link AttributeBins}; {@value #LIFE_STAGE} is left out, since life stage is always a feature
     */
    static ProfileFeatures fit(Dataset data, List<String> attributes) {
        double[] incomes = new double[data.customerCount()];
        int known = 0;
        for (int c = 0; c < data.customerCount(); c++) {
            var income = data.customer(c).annualIncome();
            if (income.isPresent()) {
                incomes[known++] = income.getAsDouble();
            }
        }
        double[] quartiles = new double[0];
        if (known >= 4) {
            double[] sorted = Arrays.copyOf(incomes, known);
            Arrays.sort(sorted);
            quartiles = new double[] {sorted[known / 4], sorted[known / 2], sorted[3 * known / 4]};
        }
        // life stage is always crossed, as the first feature; naming it again would count it twice
        List<String> further = attributes.stream().filter(a -> !a.equals(LIFE_STAGE)).toList();
        return new ProfileFeatures(quartiles, further, AttributeBins.fit(data, further));
    }

    /** Writes what the features learned (income quarters, further attributes, their bins) for {@link #read}. */
    void write(ModelOutput out) throws IOException {
        out.writeDoubles(incomeQuartiles);
        out.writeStrings(attributes.toArray(String[]::new));
        bins.write(out);
    }

    /** Reads features {@link #write} wrote. */
    static ProfileFeatures read(ModelInput in) throws IOException {
        double[] quartiles = in.readDoubles();
        if (quartiles.length != 0 && quartiles.length != 3) {
            throw in.corrupt(quartiles.length + " income quartiles");
        }
        List<String> attributes = List.of(in.readStrings());
        return new ProfileFeatures(quartiles, attributes, AttributeBins.read(in));
    }

    /** The customer side of the features. */
    Profile profile(Customer customer) {
        String stage;
        String stageText;
        Optional<String> recorded = customer.attribute(LIFE_STAGE);
        if (recorded.isPresent()) {
            stage = recorded.get();
            stageText = "in life stage " + stage;
        } else if (customer.age().isPresent()) {
            int band = 0;
            while (band < STAGE_LIMITS.length && customer.age().getAsInt() >= STAGE_LIMITS[band]) {
                band++;
            }
            stage = STAGE_NAMES[band];
            stageText = STAGE_TEXTS[band];
        } else {
            stage = "unknown";
            stageText = "of unknown age";
        }
        Optional<String> incomeBand = Optional.empty();
        String incomeText = "";
        if (incomeQuartiles.length > 0) {
            if (customer.annualIncome().isPresent()) {
                double income = customer.annualIncome().getAsDouble();
                int quarter = 0;
                while (quarter < incomeQuartiles.length && income >= incomeQuartiles[quarter]) {
                    quarter++;
                }
                incomeBand = Optional.of("q" + (quarter + 1));
                incomeText = quarterText(quarter);
            } else {
                incomeBand = Optional.of("unknown");
                incomeText = "with unknown income";
            }
        }
        List<String[]> values = new ArrayList<>();
        for (String attribute : attributes) {
            bins.value(customer, attribute).ifPresent(value -> values.add(new String[] {attribute, value}));
        }
        return new Profile(stage, stageText, incomeBand, incomeText, customer.riskTolerance(), values);
    }

    /** The features that apply to the customer and product; the first is the product's own intercept. */
    List<Feature> features(Profile profile, Product product) {
        String category = product.category().name();
        String products = categoryText(product);
        List<Feature> features = new ArrayList<>(8);
        features.add(new Feature("product=" + product.id(), () -> product.name() + " itself"));
        String[] sides = {"category=" + category, "product=" + product.id()};
        String[] sideTexts = {products, product.name()};
        for (int side = 0; side < sides.length; side++) {
            String sideText = sideTexts[side];
            features.add(new Feature(sides[side] + "|stage=" + profile.lifeStage(),
                    () -> sideText + " for customers " + profile.lifeStageText()));
            if (profile.incomeBand().isPresent()) {
                features.add(new Feature(sides[side] + "|income=" + profile.incomeBand().get(),
                        () -> sideText + " for customers " + profile.incomeText()));
            }
            for (String[] attribute : profile.attributes()) {
                features.add(new Feature(sides[side] + "|" + attribute[0] + "=" + attribute[1],
                        () -> sideText + " for customers with " + attribute[0] + " " + attribute[1]));
            }
        }
        if (product.riskClass().isEmpty()) {
            // no risk feature: a missing risk class is not evidence of any class (suitability blocks the product)
        } else if (profile.riskTolerance().isPresent()) {
            int gap = Math.max(-4, Math.min(2, product.riskClass().getAsInt() - profile.riskTolerance().getAsInt()));
            features.add(new Feature("riskGap=" + gap, () -> gap == 0
                    ? "a risk class equal to the customer's risk tolerance"
                    : String.format(Locale.ROOT, "a risk class %d %s the customer's risk tolerance", Math.abs(gap),
                            gap < 0 ? "below" : "above")));
        } else {
            int risk = product.riskClass().getAsInt();
            features.add(new Feature("risk=" + risk + "|tolerance=unknown",
                    () -> "risk class " + risk + " for a customer without a risk assessment"));
        }
        String term = termBand(product);
        features.add(new Feature("term=" + term + "|stage=" + profile.lifeStage(),
                () -> termText(term) + " for customers " + profile.lifeStageText()));
        profile.incomeBand().ifPresent(band -> {
            String rate = rateBand(product);
            features.add(new Feature("category=" + category + "|rate=" + rate + "|income=" + band,
                    () -> products + " " + rateText(rate) + " for customers " + profile.incomeText()));
        });
        return features;
    }

    private static String categoryText(Product product) {
        return product.category().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " products";
    }

    private static String quarterText(int quarter) {
        switch (quarter) {
            case 0:
                return "in the lowest quarter of incomes";
            case 1:
                return "in the second quarter of incomes";
            case 2:
                return "in the third quarter of incomes";
            default:
                return "in the highest quarter of incomes";
        }
    }

    private static String termBand(Product product) {
        if (product.termMonths().isEmpty()) {
            return "open";
        }
        int months = product.termMonths().getAsInt();
        return months <= 12 ? "upto12" : months <= 60 ? "upto60" : "over60";
    }

    private static String termText(String band) {
        switch (band) {
            case "open":
                return "open-ended products";
            case "upto12":
                return "terms of up to a year";
            case "upto60":
                return "terms of one to five years";
            default:
                return "terms over five years";
        }
    }

    private static String rateBand(Product product) {
        if (product.annualRatePercent().isEmpty()) {
            return "none";
        }
        double rate = product.annualRatePercent().getAsDouble();
        return rate < 2 ? "under2" : rate < 5 ? "2to5" : rate < 10 ? "5to10" : "10plus";
    }

    private static String rateText(String band) {
        switch (band) {
            case "none":
                return "without a rate";
            case "under2":
                return "at a rate under 2%";
            case "2to5":
                return "at a rate of 2-5%";
            case "5to10":
                return "at a rate of 5-10%";
            default:
                return "at a rate of 10% or more";
        }
    }
}
