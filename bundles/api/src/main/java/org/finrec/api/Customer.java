package org.finrec.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A bank customer as the recommenders and suitability policies see them: an identifier, typed profile
 * attributes, the products currently held, and an open map of further attributes.
 *
 * <p>Every typed attribute is optional because banks rarely know all of them; a policy that needs a
 * missing attribute must decide conservatively (see the default suitability policy). Instances are
 * immutable and thread-safe. Build them with {@link #builder(String)}.
 *
 * @param id the bank's customer identifier, never blank
 * @param age age in whole years (0..{@value AgeRange#MAX_AGE}), empty when unknown
 * @param annualIncome gross annual income in the bank's reporting currency (0 or more), empty when unknown
 * @param segment the bank's customer segment (for example "private", "retail", "student"), empty when unknown
 * @param riskTolerance the customer's assessed risk tolerance on the 1 (lowest) to 7 (highest) scale used for
 *     {@link Product#riskClass()}, empty when no suitability assessment exists
 * @param tenureMonths months since the customer joined the bank (0 or more), empty when unknown
 * @param preferredChannel the channel the customer prefers (for example "branch", "online", "mobile"), empty
 *     when unknown
 * @param holdings identifiers of the products the customer holds now; never recommended again; never null
 * @param attributes further attributes by name (for example "province", "employment"); never null
 */
public record Customer(
        String id,
        OptionalInt age,
        OptionalDouble annualIncome,
        Optional<String> segment,
        OptionalInt riskTolerance,
        OptionalInt tenureMonths,
        Optional<String> preferredChannel,
        Set<String> holdings,
        Map<String, String> attributes) {

    /** Attribute name that {@link #attribute(String)} resolves to {@link #segment()}. */
    public static final String SEGMENT = "segment";
    /** Attribute name that {@link #attribute(String)} resolves to {@link #preferredChannel()}. */
    public static final String PREFERRED_CHANNEL = "preferredChannel";
    /** Attribute name that {@link #attribute(String)} resolves to the decade of {@link #age()}, such as "30-39". */
    public static final String AGE_BAND = "ageBand";
    /** Attribute name that {@link #attribute(String)} resolves to {@link #riskTolerance()} as a number. */
    public static final String RISK_TOLERANCE = "riskTolerance";

    /**
     * Validates and defensively copies the components.
     *
     * @param id the id component
     * @param age the age component
     * @param annualIncome the annualIncome component
     * @param segment the segment component
     * @param riskTolerance the riskTolerance component
     * @param tenureMonths the tenureMonths component
     * @param preferredChannel the preferredChannel component
     * @param holdings the holdings component
     * @param attributes the attributes component
     * @throws IllegalArgumentException if the id is blank or a typed attribute is out of range
     * @throws NullPointerException if a component is null
     */
    public Customer {
        requireText(id, "id");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(annualIncome, "annualIncome");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(riskTolerance, "riskTolerance");
        Objects.requireNonNull(tenureMonths, "tenureMonths");
        Objects.requireNonNull(preferredChannel, "preferredChannel");
        if (age.isPresent() && (age.getAsInt() < 0 || age.getAsInt() > AgeRange.MAX_AGE)) {
            throw new IllegalArgumentException("customer " + id + ": age must be 0.." + AgeRange.MAX_AGE + ", got "
                    + age.getAsInt());
        }
        if (annualIncome.isPresent() && !(annualIncome.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("customer " + id + ": annualIncome must be >= 0, got "
                    + annualIncome.getAsDouble());
        }
        if (riskTolerance.isPresent() && (riskTolerance.getAsInt() < 1 || riskTolerance.getAsInt() > 7)) {
            throw new IllegalArgumentException("customer " + id + ": riskTolerance must be 1..7, got "
                    + riskTolerance.getAsInt());
        }
        if (tenureMonths.isPresent() && tenureMonths.getAsInt() < 0) {
            throw new IllegalArgumentException("customer " + id + ": tenureMonths must be >= 0, got "
                    + tenureMonths.getAsInt());
        }
        holdings = Set.copyOf(holdings);
        attributes = Map.copyOf(attributes);
    }

    /**
     * Returns an attribute by name, looking at the typed attributes first ({@value #SEGMENT},
     * {@value #PREFERRED_CHANNEL}, {@value #AGE_BAND}, {@value #RISK_TOLERANCE}) and then at {@link #attributes()}.
     *
     * @param name the attribute name, not null
     * @return the value, or empty when the customer has no such attribute
     */
    public Optional<String> attribute(String name) {
        switch (name) {
            case SEGMENT:
                return segment;
            case PREFERRED_CHANNEL:
                return preferredChannel;
            case AGE_BAND:
                if (age.isEmpty()) {
                    return Optional.empty();
                }
                int decade = age.getAsInt() / 10 * 10;
                return Optional.of(decade + "-" + (decade + 9));
            case RISK_TOLERANCE:
                return riskTolerance.isPresent()
                        ? Optional.of(Integer.toString(riskTolerance.getAsInt()))
                        : Optional.empty();
            default:
                return Optional.ofNullable(attributes.get(name));
        }
    }

    /**
     * Tells whether the customer holds a product now.
     *
     * @param productId a product identifier
     * @return {@code true} if {@link #holdings()} contains it
     */
    public boolean holds(String productId) {
        return holdings.contains(productId);
    }

    /**
     * Starts a builder for a customer.
     *
     * @param id the bank's customer identifier, not blank
     * @return a new builder with every optional attribute unknown and no holdings
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * Returns a builder initialised with this customer's components, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder(id);
        builder.age = age;
        builder.annualIncome = annualIncome;
        builder.segment = segment;
        builder.riskTolerance = riskTolerance;
        builder.tenureMonths = tenureMonths;
        builder.preferredChannel = preferredChannel;
        builder.holdings.addAll(holdings);
        builder.attributes.putAll(attributes);
        return builder;
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Collects the components of a {@link Customer}. Not thread-safe; use one builder per thread. */
    public static final class Builder {
        private final String id;
        private OptionalInt age = OptionalInt.empty();
        private OptionalDouble annualIncome = OptionalDouble.empty();
        private Optional<String> segment = Optional.empty();
        private OptionalInt riskTolerance = OptionalInt.empty();
        private OptionalInt tenureMonths = OptionalInt.empty();
        private Optional<String> preferredChannel = Optional.empty();
        private final Set<String> holdings = new LinkedHashSet<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the age.
         *
         * @param years age in whole years
         * @return this builder
         */
        public Builder age(int years) {
            this.age = OptionalInt.of(years);
            return this;
        }

        /**
         * Sets the gross annual income.
         *
         * @param amount income in the bank's reporting currency, 0 or more
         * @return this builder
         */
        public Builder annualIncome(double amount) {
            this.annualIncome = OptionalDouble.of(amount);
            return this;
        }

        /**
         * Sets the segment.
         *
         * @param value the bank's segment name, not null
         * @return this builder
         */
        public Builder segment(String value) {
            this.segment = Optional.of(value);
            return this;
        }

        /**
         * Sets the assessed risk tolerance.
         *
         * @param level 1 (lowest) to 7 (highest)
         * @return this builder
         */
        public Builder riskTolerance(int level) {
            this.riskTolerance = OptionalInt.of(level);
            return this;
        }

        /**
         * Sets the tenure.
         *
         * @param months months since the customer joined, 0 or more
         * @return this builder
         */
        public Builder tenureMonths(int months) {
            this.tenureMonths = OptionalInt.of(months);
            return this;
        }

        /**
         * Sets the preferred channel.
         *
         * @param channel the channel name, not null
         * @return this builder
         */
        public Builder preferredChannel(String channel) {
            this.preferredChannel = Optional.of(channel);
            return this;
        }

        /**
         * Adds products the customer holds.
         *
         * @param productIds product identifiers, not null
         * @return this builder
         */
        public Builder holding(String... productIds) {
            holdings.addAll(Arrays.asList(productIds));
            return this;
        }

        /**
         * Adds products the customer holds.
         *
         * @param productIds product identifiers, not null
         * @return this builder
         */
        public Builder holdings(Collection<String> productIds) {
            holdings.addAll(productIds);
            return this;
        }

        /**
         * Sets a further attribute.
         *
         * @param name attribute name, not null
         * @param value attribute value, not null
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the customer.
         *
         * @return a validated, immutable customer
         * @throws IllegalArgumentException if an attribute is out of range
         */
        public Customer build() {
            return new Customer(id, age, annualIncome, segment, riskTolerance, tenureMonths, preferredChannel,
                    holdings, attributes);
        }
    }
}
