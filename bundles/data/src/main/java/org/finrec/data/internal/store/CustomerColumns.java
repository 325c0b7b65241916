package org.finrec.data.internal.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.finrec.api.Customer;

/**
 * Customer profiles stored column-wise, one array per attribute: identifiers, age ({@code short}, -1 when
 * unknown), income ({@code float}, NaN when unknown), segment and preferred channel (codes into per-column
 * dictionaries, -1 when unknown), risk tolerance ({@code byte}, 0 when unknown), tenure ({@code int}, -1 when
 * unknown) and one dictionary-coded {@link AttributeColumn} per open attribute name. Holdings are kept elsewhere.
 *
 * <p>Grows while a {@link DatasetBuilder} adds customers; read-only once it is handed to a
 * {@link ColumnarDataset}. Not thread-safe while it grows.
 */
final class CustomerColumns {

    private static final short NO_AGE = -1;
    private static final int NO_CODE = -1;
    private static final byte NO_RISK_TOLERANCE = 0;
    private static final int NO_TENURE = -1;

    private final StringIndex ids;
    private short[] ages;
    private float[] incomes;
    private final StringIndex segmentNames = new StringIndex();
    private int[] segments;
    private final StringIndex channelNames = new StringIndex();
    private int[] channels;
    private byte[] riskTolerances;
    private int[] tenures;
    private final StringIndex attributeNames = new StringIndex();
    private AttributeColumn[] attributes = new AttributeColumn[0];

    CustomerColumns(int expectedCustomers) {
        int capacity = Math.max(expectedCustomers, 16);
        ids = new StringIndex(capacity);
        ages = new short[capacity];
        incomes = new float[capacity];
        segments = new int[capacity];
        channels = new int[capacity];
        riskTolerances = new byte[capacity];
        tenures = new int[capacity];
    }

    int size() {
        return ids.size();
    }

    int indexOf(String customerId) {
        return ids.indexOf(customerId);
    }

    String id(int customer) {
        return ids.key(customer);
    }

    /**
     * Appends a customer's profile (not its holdings).
     *
     * @return the new index, or {@code -(existing index) - 1} when the id is taken (nothing is added then)
     */
    int add(Customer customer) {
        requireStorable(customer);
        int index = ids.add(customer.id());
        if (index < 0) {
            return index;
        }
        ensureCapacity(index + 1);
        set(index, customer);
        return index;
    }

    /**
     * Checks that the profile fits the columns: an income beyond {@link Float#MAX_VALUE} would become infinity.
     *
     * @throws IllegalArgumentException naming the customer and the income otherwise
     */
    private static void requireStorable(Customer customer) {
        if (customer.annualIncome().isPresent() && !(customer.annualIncome().getAsDouble() <= Float.MAX_VALUE)) {
            throw new IllegalArgumentException("customer " + customer.id() + ": annual income "
                    + customer.annualIncome().getAsDouble() + " cannot be stored (a float holds at most "
                    + Float.MAX_VALUE + ")");
        }
    }

    /** Overwrites every profile column of a customer already stored. */
    void set(int index, Customer customer) {
        requireStorable(customer);
        ages[index] = customer.age().isPresent() ? (short) customer.age().getAsInt() : NO_AGE;
        incomes[index] = customer.annualIncome().isPresent() ? (float) customer.annualIncome().getAsDouble()
                : Float.NaN;
        segments[index] = customer.segment().map(segmentNames::intern).orElse(NO_CODE);
        channels[index] = customer.preferredChannel().map(channelNames::intern).orElse(NO_CODE);
        riskTolerances[index] = customer.riskTolerance().isPresent() ? (byte) customer.riskTolerance().getAsInt()
                : NO_RISK_TOLERANCE;
        tenures[index] = customer.tenureMonths().isPresent() ? customer.tenureMonths().getAsInt() : NO_TENURE;
        for (AttributeColumn column : attributes) {
            column.set(index, null);
        }
        for (Map.Entry<String, String> attribute : customer.attributes().entrySet()) {
            attributeColumn(attribute.getKey()).set(index, attribute.getValue());
        }
    }

    /** Rebuilds a customer record from the columns, with the given holdings. */
    Customer materialise(int index, Collection<String> holdings) {
        Customer.Builder builder = Customer.builder(ids.key(index));
        if (ages[index] != NO_AGE) {
            builder.age(ages[index]);
        }
        if (!Float.isNaN(incomes[index])) {
            builder.annualIncome(incomes[index]);
        }
        if (segments[index] != NO_CODE) {
            builder.segment(segmentNames.key(segments[index]));
        }
        if (channels[index] != NO_CODE) {
            builder.preferredChannel(channelNames.key(channels[index]));
        }
        if (riskTolerances[index] != NO_RISK_TOLERANCE) {
            builder.riskTolerance(riskTolerances[index]);
        }
        if (tenures[index] != NO_TENURE) {
            builder.tenureMonths(tenures[index]);
        }
        for (AttributeColumn column : attributes) {
            String value = column.get(index);
            if (value != null) {
                builder.attribute(column.name(), value);
            }
        }
        return builder.holdings(holdings).build();
    }

    /** Drops spare capacity; call once no more customers will be added. */
    void trim() {
        int size = size();
        ids.trim();
        ages = Arrays.copyOf(ages, size);
        incomes = Arrays.copyOf(incomes, size);
        segments = Arrays.copyOf(segments, size);
        channels = Arrays.copyOf(channels, size);
        riskTolerances = Arrays.copyOf(riskTolerances, size);
        tenures = Arrays.copyOf(tenures, size);
        segmentNames.trim();
        channelNames.trim();
        for (AttributeColumn column : attributes) {
            column.trim(size);
        }
    }

    private AttributeColumn attributeColumn(String name) {
        int index = attributeNames.indexOf(name);
        if (index >= 0) {
            return attributes[index];
        }
        index = attributeNames.add(name);
        attributes = Arrays.copyOf(attributes, index + 1);
        attributes[index] = new AttributeColumn(name, ages.length);
        return attributes[index];
    }

    private void ensureCapacity(int capacity) {
        if (ages.length >= capacity) {
            return;
        }
        int length = Math.max(capacity, Growth.nextLength(ages.length));
        ages = Arrays.copyOf(ages, length);
        incomes = Arrays.copyOf(incomes, length);
        segments = Arrays.copyOf(segments, length);
        channels = Arrays.copyOf(channels, length);
        riskTolerances = Arrays.copyOf(riskTolerances, length);
        tenures = Arrays.copyOf(tenures, length);
        for (AttributeColumn column : attributes) {
            column.ensureCapacity(length);
        }
    }
}
