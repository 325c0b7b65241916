package org.finrec.recommender.content.internal;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.finrec.api.Product;
import org.finrec.api.data.Dataset;
import org.finrec.api.model.ContentVersion;

/**
 * Logistic regression of "the customer holds the product" on {@link ProfileFeatures}: crosses of product attributes
 * with the customer's profile, plus one intercept per product. A score is the log odds
 * {@code bias + sum of the weights of the features that apply}, so an explanation lists exactly the terms that add
 * up to it. A product without holders in the training data (a new product) has no intercept and is scored by its
 * attributes alone. Trained with LIBLINEAR's trust-region Newton method (L2 regularisation, bias not regularised).
 * Immutable and thread-safe. Its version is the content hash of its encoding by {@link ProfileMatchCodec}.
 */
final class ProfileMatchModel implements org.finrec.api.data.Model {

    /** One term of a score: the feature, what it means, and its weight. */
    record Term(ProfileFeatures.Feature feature, double weight) {
    }

    /** The most customer-product pairs learnt from (about 100 MB of training data); customers are sampled to fit. */
    static final long MAX_PAIRS = 2_000_000;

    private final ContentVersion version;
    private final ProfileFeatures features;
    private final double bias;
    private final Map<String, Double> weights;
    private final int trainedPairs;

    /** A model from its parts; {@code version} is null for one trained here (worked out on first use). */
    ProfileMatchModel(String version, ProfileFeatures features, double bias, Map<String, Double> weights,
            int trainedPairs) {
        this.version = new ContentVersion(version);
        this.features = features;
        this.bias = bias;
        this.weights = weights;
        this.trainedPairs = trainedPairs;
    }

    /**
     * Learns the weights from every pair of a training customer and a product with at least one holder.
     *
     * @param data the training data
     * @param features the features, fitted on the same data
     * @param cost LIBLINEAR's C: the weight of the data against the L2 penalty, above 0
     * @param maxCustomers the most customers to learn from, an evenly spaced sample when the data has more (or when
     *     their pairs with the products would exceed {@link #MAX_PAIRS})
     * @throws IllegalArgumentException if the data has no holder or no product without one for every customer
     */
    static ProfileMatchModel train(Dataset data, ProfileFeatures features, double cost, int maxCustomers) {
        if (!(cost > 0) || maxCustomers < 1) {
            throw new IllegalArgumentException("cost must be > 0 and maxCustomers >= 1, got " + cost + " and "
                    + maxCustomers);
        }
        int[] holders = new int[data.productCount()];
        for (int c = 0; c < data.customerCount(); c++) {
            for (int p : data.holdings(c)) {
                holders[p]++;
            }
        }
        List<Product> trained = new ArrayList<>();
        for (int p = 0; p < data.productCount(); p++) {
            if (holders[p] > 0) {
                trained.add(data.product(p));
            }
        }
        int customers = (int) Math.max(1, Math.min(maxCustomers, MAX_PAIRS / Math.max(1, trained.size())));
        int step = Math.max(1, (data.customerCount() + customers - 1) / customers);
        Map<String, Integer> index = new HashMap<>();
        List<FeatureNode> nodes = new ArrayList<>();
        nodes.add(null); // LIBLINEAR's feature indices start at 1
        List<Feature[]> rows = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        int positives = 0;
        for (int c = 0; c < data.customerCount(); c += step) {
            var customer = data.customer(c);
            ProfileFeatures.Profile profile = features.profile(customer);
            for (Product product : trained) {
                List<ProfileFeatures.Feature> applying = features.features(profile, product);
                int[] indices = new int[applying.size()];
                for (int f = 0; f < indices.length; f++) {
                    indices[f] = index.computeIfAbsent(applying.get(f).key(), key -> {
                        nodes.add(new FeatureNode(nodes.size(), 1.0));
                        return nodes.size() - 1;
                    });
                }
                rows.add(indices(indices, nodes));
                boolean holds = customer.holds(product.id());
                labels.add(holds ? 1.0 : 0.0);
                positives += holds ? 1 : 0;
            }
        }
        if (positives == 0 || positives == rows.size()) {
            throw new IllegalArgumentException("dataset " + data.name() + ": cannot learn profile matches from "
                    + rows.size() + " customer-product pairs of which " + positives + " are holdings");
        }
        int biasIndex = nodes.size();
        FeatureNode biasNode = new FeatureNode(biasIndex, 1.0);
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = biasIndex;
        problem.bias = 1.0;
        problem.x = new Feature[rows.size()][];
        problem.y = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Feature[] row = rows.get(r);
            Feature[] withBias = Arrays.copyOf(row, row.length + 1);
            withBias[row.length] = biasNode;
            problem.x[r] = withBias;
            problem.y[r] = labels.get(r);
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, cost, 0.01);
        parameter.setRegularizeBias(false);
        Linear.disableDebugOutput();
        Model model = Linear.train(problem, parameter);
        int positive = model.getLabels()[0] == 1 ? 0 : 1;
        Map<String, Double> weights = new HashMap<>();
        index.forEach((key, i) -> weights.put(key, model.getDecfunCoef(i, positive)));
        double bias = model.getDecfunBias(positive);
        return new ProfileMatchModel(null, features, bias, Map.copyOf(weights), rows.size());
    }

    private static Feature[] indices(int[] indices, List<FeatureNode> nodes) {
        Arrays.sort(indices);
        Feature[] row = new Feature[indices.length];
        for (int i = 0; i < indices.length; i++) {
            row[i] = nodes.get(indices[i]);
        }
        return row;
    }

    @Override
    public String version() {
        return version.of(this, ProfileMatchCodec.CODEC);
    }

    /** The learned weight of every feature key (the model's own map: never modify). */
    Map<String, Double> weights() {
        return weights;
    }

    ProfileFeatures features() {
        return features;
    }

    /** The weight every score starts from. */
    double bias() {
        return bias;
    }

    /** How many customer-product pairs the model learned from. */
    int trainedPairs() {
        return trainedPairs;
    }

    /** The log odds that a customer with the profile holds the product. */
    double score(ProfileFeatures.Profile profile, Product product) {
        double score = bias;
        for (ProfileFeatures.Feature feature : features.features(profile, product)) {
            score += weights.getOrDefault(feature.key(), 0.0);
        }
        return score;
    }

    /** The terms of {@link #score} besides the bias, one per feature the model has learned. */
    List<Term> terms(ProfileFeatures.Profile profile, Product product) {
        List<Term> terms = new ArrayList<>();
        for (ProfileFeatures.Feature feature : features.features(profile, product)) {
            Double weight = weights.get(feature.key());
            if (weight != null) {
                terms.add(new Term(feature, weight));
            }
        }
        return terms;
    }
}
