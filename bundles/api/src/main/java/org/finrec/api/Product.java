package org.finrec.api;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A financial product the bank can recommend. Immutable and thread-safe. Build with {@link #builder(String)}.
 *
 * @param id the bank's product identifier, never blank
 * @param name the name shown to customers, never blank
 * @param category the kind of product, never null
 * @param riskClass the summary risk indicator on the 1 (lowest) to 7 (highest) scale of the EU PRIIPs SRI
 *     (1 for products without market risk such as current accounts), empty when the catalogue does not say:
 *     a missing risk class is never read as 1, and suitability policies exclude such a product
 * @param termMonths the contractual term in months (1 or more), empty for open-ended products
 * @param annualRatePercent the headline annual rate in percent (interest paid for deposits, charged for credit),
 *     empty when the product has none
 * @param complexity how hard the product is to understand, never null
 * @param eligibleAges the ages to which the product may be offered, never null
 * @param description several sentences describing the product, never null (may be empty)
 */
public record Product(
        String id,
        String name,
        ProductCategory category,
        OptionalInt riskClass,
        OptionalInt termMonths,
        OptionalDouble annualRatePercent,
        ProductComplexity complexity,
        AgeRange eligibleAges,
        String description) {

    /** The lowest risk class. */
    public static final int MIN_RISK_CLASS = 1;
    /** The highest risk class. */
    public static final int MAX_RISK_CLASS = 7;

    /**
     * Validates the components.
     *
     * @param id the id component
     * @param name the name component
     * @param category the category component
     * @param riskClass the riskClass component
     * @param termMonths the termMonths component
     * @param annualRatePercent the annualRatePercent component
     * @param complexity the complexity component
     * @param eligibleAges the eligibleAges component
     * @param description the description component
     * @throws IllegalArgumentException if the id or name is blank, the risk class is outside 1..7, the term is
     *     not positive or the rate is not finite
     * @throws NullPointerException if a component is null
     */
    public Product {
        Customer.requireText(id, "id");
        Customer.requireText(name, "product " + id + ": name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(riskClass, "riskClass");
        Objects.requireNonNull(termMonths, "termMonths");
        Objects.requireNonNull(annualRatePercent, "annualRatePercent");
        Objects.requireNonNull(complexity, "complexity");
        Objects.requireNonNull(eligibleAges, "eligibleAges");
        Objects.requireNonNull(description, "description");
        if (riskClass.isPresent()
                && (riskClass.getAsInt() < MIN_RISK_CLASS || riskClass.getAsInt() > MAX_RISK_CLASS)) {
            throw new IllegalArgumentException("product " + id + ": riskClass must be 1..7, got "
                    + riskClass.getAsInt());
        }
        if (termMonths.isPresent() && termMonths.getAsInt() < 1) {
            throw new IllegalArgumentException("product " + id + ": termMonths must be >= 1, got "
                    + termMonths.getAsInt());
        }
        if (annualRatePercent.isPresent() && !Double.isFinite(annualRatePercent.getAsDouble())) {
            throw new IllegalArgumentException("product " + id + ": annualRatePercent must be finite");
        }
    }

    /**
     * Starts a builder. Defaults: category {@link ProductCategory#OTHER}, no risk class (missing, which
     * suitability policies treat as unsuitable), open-ended, no rate,
     * {@link ProductComplexity#SIMPLE}, {@link AgeRange#ANY}, empty description; the name defaults to the id.
     *
     * @param id the bank's product identifier, not blank
     * @return a new builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Collects the components of a {@link Product}. Not thread-safe; use one builder per thread. */
    public static final class Builder {
        private final String id;
        private String name;
        private ProductCategory category = ProductCategory.OTHER;
        private OptionalInt riskClass = OptionalInt.empty();
        private OptionalInt termMonths = OptionalInt.empty();
        private OptionalDouble annualRatePercent = OptionalDouble.empty();
        private ProductComplexity complexity = ProductComplexity.SIMPLE;
        private AgeRange eligibleAges = AgeRange.ANY;
        private String description = "";

        private Builder(String id) {
            this.id = id;
            this.name = id;
        }

        /**
         * Sets the display name.
         *
         * @param value the name, not blank
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets the category.
         *
         * @param value the category, not null
         * @return this builder
         */
        public Builder category(ProductCategory value) {
            this.category = value;
            return this;
        }

        /**
         * Sets the risk class.
         *
         * @param value 1 (lowest) to 7 (highest)
         * @return this builder
         */
        public Builder riskClass(int value) {
            this.riskClass = OptionalInt.of(value);
            return this;
        }

        /**
         * Sets the contractual term.
         *
         * @param months term in months, 1 or more
         * @return this builder
         */
        public Builder termMonths(int months) {
            this.termMonths = OptionalInt.of(months);
            return this;
        }

        /**
         * Sets the headline annual rate.
         *
         * @param percent the rate in percent, finite
         * @return this builder
         */
        public Builder annualRatePercent(double percent) {
            this.annualRatePercent = OptionalDouble.of(percent);
            return this;
        }

        /**
         * Sets the complexity.
         *
         * @param value the complexity, not null
         * @return this builder
         */
        public Builder complexity(ProductComplexity value) {
            this.complexity = value;
            return this;
        }

        /**
         * Sets the eligible ages.
         *
         * @param minAge youngest eligible age, inclusive
         * @param maxAge oldest eligible age, inclusive
         * @return this builder
         */
        public Builder eligibleAges(int minAge, int maxAge) {
            this.eligibleAges = new AgeRange(minAge, maxAge);
            return this;
        }

        /**
         * Sets the description.
         *
         * @param text several sentences, not null
         * @return this builder
         */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /**
         * Builds the product.
         *
         * @return a validated, immutable product
         * @throws IllegalArgumentException if a component is out of range
         */
        public Product build() {
            return new Product(id, name, category, riskClass, termMonths, annualRatePercent, complexity,
                    eligibleAges, description);
        }
    }
}
