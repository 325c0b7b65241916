package org.finrec.recommender.content.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finrec.api.Customer;
import org.finrec.api.InteractionKind;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.data.Model;
import org.finrec.api.model.ContentVersion;
import org.finrec.api.spi.CatalogueIndexMap;

/**
 * The naive-Bayes odds that a customer holds each product given the customer's profile:
 * {@code log odds(holds | f1..fn) = log odds(holds) + sum_i log p(fi | holds) / p(fi | does not hold)}, with
 * Laplace smoothing. Each term is one part of the score, so the explanation of a score lists exactly the terms that
 * add up to it. Immutable. Its version is the content hash of its encoding by {@link NaiveBayesCodec}.
 */
final class NaiveBayesModel implements Model {

    private final ContentVersion version;
    private final List<String> features;
    private final AttributeBins bins;
    /** Per product: whether any customer of the data bought it. */
    private final boolean[] adopted;
    private final double smoothing;
    private final Map<String, Integer> productIndex;
    /** Each serving catalogue's products as this model's indices, worked out once per catalogue snapshot. */
    private final CatalogueIndexMap catalogueIndex = new CatalogueIndexMap(this::productIndex);
    private final int customers;
    private final int[] holders;
    /** Per feature: value to per-product count of holders with that value. */
    private final List<Map<String, int[]>> holdersWithValue;
    /** Per feature: value to number of customers with that value. */
    private final List<Map<String, Integer>> customersWithValue;

    /** A model from its parts; {@code version} is null for one trained here (worked out on first use). */
    NaiveBayesModel(String version, List<String> features, AttributeBins bins, double smoothing,
            boolean[] adopted, Map<String, Integer> productIndex,
            int customers, int[] holders, List<Map<String, int[]>> holdersWithValue,
            List<Map<String, Integer>> customersWithValue) {
        this.version = new ContentVersion(version);
        this.features = features;
        this.bins = bins;
        this.adopted = adopted;
        this.smoothing = smoothing;
        this.productIndex = productIndex;
        this.customers = customers;
        this.holders = holders;
        this.holdersWithValue = holdersWithValue;
        this.customersWithValue = customersWithValue;
    }

    /**
     * Counts, for every product and profile value, how many customers hold it; numeric attributes with many values
     * are counted by {@link AttributeBins}.
     */
    static NaiveBayesModel train(Dataset data, List<String> features, double smoothing) {
        AttributeBins bins = AttributeBins.fit(data, features);
        Map<String, Integer> productIndex = new HashMap<>();
        for (int p = 0; p < data.productCount(); p++) {
            productIndex.put(data.product(p).id(), p);
        }
        int[] holders = new int[data.productCount()];
        List<Map<String, int[]>> holdersWithValue = new ArrayList<>();
        List<Map<String, Integer>> customersWithValue = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            holdersWithValue.add(new HashMap<>());
            customersWithValue.add(new HashMap<>());
        }
        for (int c = 0; c < data.customerCount(); c++) {
            Customer customer = data.customer(c);
            List<int[]> perValue = new ArrayList<>(features.size());
            for (int f = 0; f < features.size(); f++) {
                Optional<String> value = bins.value(customer, features.get(f));
                if (value.isPresent()) {
                    customersWithValue.get(f).merge(value.get(), 1, Integer::sum);
                    perValue.add(holdersWithValue.get(f).computeIfAbsent(value.get(),
                            v -> new int[holders.length]));
                } else {
                    perValue.add(null);
                }
            }
            for (String held : customer.holdings()) {
                Integer p = productIndex.get(held);
                if (p == null) {
                    continue;
                }
                holders[p]++;
                for (int[] counts : perValue) {
                    if (counts != null) {
                        counts[p]++;
                    }
                }
            }
        }
        boolean[] adopted = new boolean[data.productCount()];
        for (int i = 0; i < data.interactionCount(); i++) {
            if (data.interactionKind(i) == InteractionKind.PURCHASE) {
                adopted[data.interactionProduct(i)] = true;
            }
        }
        return new NaiveBayesModel(null, List.copyOf(features), bins, smoothing, adopted, Map.copyOf(productIndex),
                data.customerCount(), holders, holdersWithValue, customersWithValue);
    }

    @Override
    public String version() {
        return version.of(this, NaiveBayesCodec.CODEC);
    }

    AttributeBins bins() {
        return bins;
    }

    double smoothing() {
        return smoothing;
    }

    /** The product ids by model index. */
    String[] productIds() {
        String[] ids = new String[holders.length];
        productIndex.forEach((id, index) -> ids[index] = id);
        return ids;
    }

    /** Per product: holders in the training data (the model's own array: never modify). */
    int[] holders() {
        return holders;
    }

    /** Per product: whether a customer bought it (the model's own array: never modify). */
    boolean[] adopted() {
        return adopted;
    }

    /** Per feature: value to per-product holders with that value (the model's own maps: never modify). */
    List<Map<String, int[]>> holdersWithValue() {
        return holdersWithValue;
    }

    /** Per feature: value to customers with that value (the model's own maps: never modify). */
    List<Map<String, Integer>> customersWithValue() {
        return customersWithValue;
    }

    List<String> features() {
        return features;
    }

    /** The customer's value of a feature as the model counts it (binned where numeric), or empty. */
    Optional<String> value(Customer customer, int feature) {
        return bins.value(customer, features.get(feature));
    }

    /** The model's index of every product of a catalogue, -1 for products it never saw; shared, never modify. */
    int[] productIndices(ProductCatalog catalog) {
        return catalogueIndex.modelIndices(catalog);
    }

    /** The product's index, or -1 if the model never saw it. */
    int productIndex(String productId) {
        return productIndex.getOrDefault(productId, -1);
    }

    int holders(int product) {
        return holders[product];
    }

    /**
     * Tells whether the data says anything of the product: a customer holds or bought it. A product without either
     * has odds made of smoothing alone.
     */
    boolean hasEvidence(int product) {
        return holders[product] > 0 || adopted[product];
    }

    int customers() {
        return customers;
    }

    /** log odds(holds) before anything is known of the customer. */
    double logPriorOdds(int product) {
        return Math.log((holders[product] + smoothing) / (customers - holders[product] + smoothing));
    }

    /**
     * The term of one feature: log p(value | holds) / p(value | does not hold), smoothed over the feature's values.
     *
     * @return 0 when the customer has no value for the feature
     */
    double logLikelihoodRatio(int feature, Optional<String> value, int product) {
        if (value.isEmpty()) {
            return 0;
        }
        int[] withValue = holdersWithValue.get(feature).get(value.get());
        int holdersWithIt = withValue == null ? 0 : withValue[product];
        int othersWithIt = customersWithValue.get(feature).getOrDefault(value.get(), 0) - holdersWithIt;
        int values = customersWithValue.get(feature).size() + 1; // the values seen and one for any unseen value
        double givenHolds = (holdersWithIt + smoothing) / (holders[product] + smoothing * values);
        double givenNot = (othersWithIt + smoothing) / (customers - holders[product] + smoothing * values);
        return Math.log(givenHolds / givenNot);
    }

    /** The share of customers with the value who hold the product, and of those without it. */
    double[] holdingShares(int feature, String value, int product) {
        int[] withValue = holdersWithValue.get(feature).get(value);
        int holdersWithIt = withValue == null ? 0 : withValue[product];
        int customersWithIt = customersWithValue.get(feature).getOrDefault(value, 0);
        int others = customers - customersWithIt;
        return new double[] {
            customersWithIt == 0 ? 0 : (double) holdersWithIt / customersWithIt,
            others == 0 ? 0 : (double) (holders[product] - holdersWithIt) / others};
    }

    /** The customer's value of every feature, in feature order, as {@link #value} gives them. */
    List<Optional<String>> profile(Customer customer) {
        List<Optional<String>> values = new ArrayList<>(features.size());
        for (int f = 0; f < features.size(); f++) {
            values.add(value(customer, f));
        }
        return values;
    }

    /** The log posterior odds for a customer: the prior plus every feature's term. */
    double score(int product, Customer customer) {
        return score(product, profile(customer));
    }

    /** The log posterior odds for a customer's {@link #profile}: the prior plus every feature's term. */
    double score(int product, List<Optional<String>> profile) {
        double score = logPriorOdds(product);
        for (int f = 0; f < features.size(); f++) {
            score += logLikelihoodRatio(f, profile.get(f), product);
        }
        return score;
    }
}
