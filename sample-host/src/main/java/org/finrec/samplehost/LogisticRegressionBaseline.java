package org.finrec.samplehost;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.finrec.api.Customer;
import org.finrec.api.Product;
import org.finrec.api.ProductCatalog;
import org.finrec.api.data.Dataset;
import org.finrec.api.recommend.Explanation;
import org.finrec.api.recommend.Reason;
import org.finrec.api.recommend.RecommendationRequest;
import org.finrec.api.spi.Recommender;
import org.finrec.api.spi.RequestScorer;

/**
 * The textbook baseline for "will this customer take this product?": one L2-regularised logistic regression per
 * product (LIBLINEAR, C = 1), on the customer's profile (numeric attributes standardised, every other attribute one-hot
 * encoded) and the other products the customer holds. Lives in the sample host, outside the SDK, as the yardstick the
 * content recommenders are compared with. Scores are log odds; a product that had no holder or no non-holder in
 * training gets no opinion (NaN). Immutable and thread-safe.
 */
final class LogisticRegressionBaseline implements Recommender {

    static final String NAME = "logistic-regression";

    /** How one attribute becomes features: standardised number or one-hot category. */
    private record Encoding(String attribute, boolean numeric, double mean, double deviation) {
    }

    private final String version;
    private final List<Encoding> encodings;
    private final Map<String, Integer> featureIndex;
    private final List<String> productIds;
    private final Map<String, double[]> weightsByProduct;

    private LogisticRegressionBaseline(String version, List<Encoding> encodings, Map<String, Integer> featureIndex,
            List<String> productIds, Map<String, double[]> weightsByProduct) {
        this.version = version;
        this.encodings = encodings;
        this.featureIndex = featureIndex;
        this.productIds = productIds;
        this.weightsByProduct = weightsByProduct;
    }

    /**
     * Learns one regression per product from the data's customers.
     *
     * @param data the training data
     * @return the baseline
     */
    static LogisticRegressionBaseline train(Dataset data) {
        List<Encoding> encodings = encodings(data);
        List<String> productIds = new ArrayList<>();
        for (int p = 0; p < data.productCount(); p++) {
            productIds.add(data.product(p).id());
        }
        Map<String, Integer> featureIndex = new LinkedHashMap<>();
        List<Map<Integer, Double>> rows = new ArrayList<>();
        for (int c = 0; c < data.customerCount(); c++) {
            rows.add(features(data.customer(c), encodings, productIds, featureIndex, true));
        }
        Map<String, double[]> weights = new HashMap<>();
        Linear.disableDebugOutput();
        for (String product : productIds) {
            double[] labels = new double[rows.size()];
            int positives = 0;
            for (int c = 0; c < rows.size(); c++) {
                labels[c] = data.customer(c).holds(product) ? 1 : 0;
                positives += (int) labels[c];
            }
            if (positives == 0 || positives == rows.size()) {
                continue;
            }
            weights.put(product, fit(rows, labels, featureIndex.get("holds=" + product), featureIndex.size()));
        }
        return new LogisticRegressionBaseline(NAME + "-" + Integer.toHexString(weights.keySet().hashCode()
                ^ data.name().hashCode()), encodings, Map.copyOf(featureIndex), productIds, Map.copyOf(weights));
    }

    /** Fits one product's regression, leaving out the feature "holds this product" itself; the bias comes last. */
    private static double[] fit(List<Map<Integer, Double>> rows, double[] labels, Integer ownHolding, int features) {
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = features + 1;
        problem.bias = 1;
        problem.x = new Feature[rows.size()][];
        problem.y = labels;
        for (int r = 0; r < rows.size(); r++) {
            List<Feature> row = new ArrayList<>();
            for (Map.Entry<Integer, Double> feature : rows.get(r).entrySet()) {
                if (!feature.getKey().equals(ownHolding)) {
                    row.add(new FeatureNode(feature.getKey(), feature.getValue()));
                }
            }
            row.add(new FeatureNode(features + 1, 1));
            problem.x[r] = row.toArray(new Feature[0]);
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, 1.0, 0.01);
        parameter.setRegularizeBias(false);
        Model model = Linear.train(problem, parameter);
        int positive = model.getLabels()[0] == 1 ? 0 : 1;
        double[] weights = new double[features + 2];
        for (int i = 1; i <= features; i++) {
            weights[i] = model.getDecfunCoef(i, positive);
        }
        weights[features + 1] = model.getDecfunBias(positive);
        return weights;
    }

    /** Numeric where every value of the attribute parses as a finite number, categorical otherwise. */
    private static List<Encoding> encodings(Dataset data) {
        TreeSet<String> attributes = new TreeSet<>();
        for (int c = 0; c < data.customerCount(); c++) {
            attributes.addAll(data.customer(c).attributes().keySet());
        }
        List<Encoding> encodings = new ArrayList<>();
        for (String attribute : attributes) {
            encodings.add(numericEncoding(data, attribute).orElse(new Encoding(attribute, false, 0, 1)));
        }
        encodings.add(numericEncoding(data, "age").orElse(new Encoding("age", false, 0, 1)));
        return encodings;
    }

    private static Optional<Encoding> numericEncoding(Dataset data, String attribute) {
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int c = 0; c < data.customerCount(); c++) {
            Optional<Double> value = number(data.customer(c), attribute);
            Optional<String> text = attribute.equals("age") ? Optional.empty()
                    : data.customer(c).attribute(attribute);
            if (value.isEmpty() && text.isPresent()) {
                return Optional.empty();
            }
            if (value.isPresent()) {
                sum += value.get();
                squares += value.get() * value.get();
                count++;
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        double mean = sum / count;
        double deviation = Math.sqrt(Math.max(squares / count - mean * mean, 0));
        return Optional.of(new Encoding(attribute, true, mean, deviation > 0 ? deviation : 1));
    }

    private static Optional<Double> number(Customer customer, String attribute) {
        if (attribute.equals("age")) {
            return customer.age().isPresent() ? Optional.of((double) customer.age().getAsInt()) : Optional.empty();
        }
        try {
            Optional<String> text = customer.attribute(attribute);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            double value = Double.parseDouble(text.get());
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException notNumeric) {
            return Optional.empty();
        }
    }

    /** The customer's features by index (ascending); new categories get indices only while training. */
    private static Map<Integer, Double> features(Customer customer, List<Encoding> encodings, List<String> products,
            Map<String, Integer> index, boolean training) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (Encoding encoding : encodings) {
            if (encoding.numeric()) {
                number(customer, encoding.attribute()).ifPresent(value -> named.put(encoding.attribute(),
                        (value - encoding.mean()) / encoding.deviation()));
            } else {
                customer.attribute(encoding.attribute()).ifPresent(value -> named.put(encoding.attribute() + "="
                        + value, 1.0));
            }
        }
        for (String product : products) {
            if (customer.holds(product)) {
                named.put("holds=" + product, 1.0);
            } else if (training) {
                index.computeIfAbsent("holds=" + product, key -> index.size() + 1);
            }
        }
        Map<Integer, Double> features = new java.util.TreeMap<>();
        for (Map.Entry<String, Double> feature : named.entrySet()) {
            Integer i = training ? index.computeIfAbsent(feature.getKey(), key -> index.size() + 1)
                    : index.get(feature.getKey());
            if (i != null) {
                features.put(i, feature.getValue());
            }
        }
        return features;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String family() {
        return "baseline";
    }

    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public RequestScorer scorer(RecommendationRequest request, ProductCatalog catalog) {
        Map<Integer, Double> features = features(request.customer(), encodings, productIds, featureIndex, false);
        return new RequestScorer() {
            @Override
            public String modelVersion() {
                return version;
            }

            @Override
            public double[] score(int[] candidates) {
                double[] scores = new double[candidates.length];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = logOdds(catalog.products().get(candidates[i]));
                }
                return scores;
            }

            private double logOdds(Product product) {
                double[] weights = weightsByProduct.get(product.id());
                if (weights == null) {
                    return Double.NaN;
                }
                double score = weights[weights.length - 1];
                for (Map.Entry<Integer, Double> feature : features.entrySet()) {
                    score += weights[feature.getKey()] * feature.getValue();
                }
                return score;
            }

            @Override
            public Explanation explain(int candidate) {
                Product product = catalog.products().get(candidate);
                double score = logOdds(product);
                if (!Double.isFinite(score)) {
                    throw new IllegalArgumentException("the baseline has no model of product " + product.id());
                }
                return new Explanation(product.id(), score, List.of(new Reason("LOGISTIC_REGRESSION", String.format(
                        Locale.ROOT, "Log odds %.2f from the logistic-regression baseline.", score), score)));
            }
        };
    }
}
