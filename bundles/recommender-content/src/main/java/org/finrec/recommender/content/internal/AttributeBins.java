package org.finrec.recommender.content.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.finrec.api.Customer;
import org.finrec.api.data.Dataset;
import org.finrec.api.model.ModelInput;
import org.finrec.api.model.ModelOutput;

/**
 * Turns customer attributes into the categorical values the content models count: an attribute whose values are
 * all numbers and take more than {@value #MAX_DISTINCT} distinct values (call counts, interest rates, economic
 * indicators) falls into equal-frequency bins learned from the training customers, named by their range such as
 * {@code "1.3 to 4.9"}; every other attribute keeps its value. Immutable and thread-safe.
 */
final class AttributeBins {

    /** Numeric attributes with at most this many distinct values keep them. */
    static final int MAX_DISTINCT = 12;
    private static final int BINS = 10;

    /** Per binned attribute: the ascending cut points; a value below cut {@code i} falls into bin {@code i}. */
    private final Map<String, double[]> cuts;

    private AttributeBins(Map<String, double[]> cuts) {
        this.cuts = cuts;
    }

    /** Keeps every value as it is. */
    static AttributeBins none() {
        return new AttributeBins(Map.of());
    }

    /**
     * Learns which attributes to bin, and where, from the data's customers.
     *
     * @param data the training data
     * @param attributes the attributes the model uses
     */
    static AttributeBins fit(Dataset data, List<String> attributes) {
        Map<String, double[]> cuts = new HashMap<>();
        for (String attribute : attributes) {
            double[] values = new double[data.customerCount()];
            int count = 0;
            Set<Double> distinct = new HashSet<>();
            boolean numeric = true;
            for (int c = 0; c < data.customerCount() && numeric; c++) {
                Optional<String> value = data.customer(c).attribute(attribute);
                if (value.isPresent()) {
                    try {
                        values[count] = Double.parseDouble(value.get());
                        numeric = Double.isFinite(values[count]);
                        distinct.add(values[count++]);
                    } catch (NumberFormatException text) {
                        numeric = false;
                    }
                }
            }
            if (numeric && distinct.size() > MAX_DISTINCT) {
                double[] sorted = Arrays.copyOf(values, count);
                Arrays.sort(sorted);
                cuts.put(attribute, Arrays.stream(quantiles(sorted)).distinct().toArray());
            }
        }
        return new AttributeBins(Map.copyOf(cuts));
    }

    private static double[] quantiles(double[] sorted) {
        double[] cuts = new double[BINS - 1];
        for (int q = 1; q < BINS; q++) {
            cuts[q - 1] = sorted[(int) ((long) q * sorted.length / BINS)];
        }
        return cuts;
    }

    /** Writes the binned attributes in name order, each with its cut points, as {@link #read} reads them back. */
    void write(ModelOutput out) throws IOException {
        Map<String, double[]> sorted = new TreeMap<>(cuts);
        out.writeInt(sorted.size());
        for (Map.Entry<String, double[]> attribute : sorted.entrySet()) {
            out.writeString(attribute.getKey());
            out.writeDoubles(attribute.getValue());
        }
    }

    /** Reads bins {@link #write} wrote. */
    static AttributeBins read(ModelInput in) throws IOException {
        int count = in.readCount(2 * Integer.BYTES);
        Map<String, double[]> cuts = new HashMap<>();
        for (int a = 0; a < count; a++) {
            String attribute = in.readString();
            double[] points = in.readDoubles();
            if (points.length == 0 || cuts.put(attribute, points) != null) {
                throw in.corrupt("bins of attribute '" + attribute + "' stored twice or without cut points");
            }
        }
        return new AttributeBins(Map.copyOf(cuts));
    }

    /**
     * Returns the customer's value of an attribute as the models count it.
     *
     * @return the value or its bin, or empty when the customer has no value
     */
    Optional<String> value(Customer customer, String attribute) {
        Optional<String> value = customer.attribute(attribute);
        double[] attributeCuts = cuts.get(attribute);
        if (attributeCuts == null || value.isEmpty()) {
            return value;
        }
        double number;
        try {
            number = Double.parseDouble(value.get());
        } catch (NumberFormatException text) {
            return value; // a value the training data never had: counted as its own category
        }
        int bin = 0;
        while (bin < attributeCuts.length && number >= attributeCuts[bin]) {
            bin++;
        }
        if (bin == 0) {
            return Optional.of("below " + format(attributeCuts[0]));
        }
        if (bin == attributeCuts.length) {
            return Optional.of(format(attributeCuts[bin - 1]) + " or more");
        }
        return Optional.of(format(attributeCuts[bin - 1]) + " to " + format(attributeCuts[bin]));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4g", value)
                .replaceAll("0+$", "");
    }
}
