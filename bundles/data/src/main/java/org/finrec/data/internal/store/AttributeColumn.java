package org.finrec.data.internal.store;

import java.util.Arrays;

/**
 * One open customer attribute (such as "province") stored column-wise: a code per customer into a dictionary of
 * the attribute's distinct values, {@link #ABSENT} where the customer has no value.
 */
final class AttributeColumn {

    /** The code of a customer without this attribute. */
    static final int ABSENT = -1;

    private final String name;
    private final StringIndex values = new StringIndex();
    private int[] codes;

    AttributeColumn(String name, int capacity) {
        this.name = name;
        this.codes = new int[capacity];
        Arrays.fill(codes, ABSENT);
    }

    String name() {
        return name;
    }

    void ensureCapacity(int capacity) {
        if (codes.length < capacity) {
            int oldLength = codes.length;
            codes = Arrays.copyOf(codes, capacity);
            Arrays.fill(codes, oldLength, capacity, ABSENT);
        }
    }

    void set(int customer, String value) {
        codes[customer] = value == null ? ABSENT : values.intern(value);
    }

    /** Returns the customer's value, or null when absent. */
    String get(int customer) {
        int code = codes[customer];
        return code == ABSENT ? null : values.key(code);
    }

    void trim(int size) {
        if (codes.length != size) {
            codes = Arrays.copyOf(codes, size);
        }
        values.trim();
    }
}
